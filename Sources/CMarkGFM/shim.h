#ifndef CHATBETO_CMARK_GFM_SHIM_H
#define CHATBETO_CMARK_GFM_SHIM_H
// cmark-gfm (GitHub-flavoured CommonMark) and its core extensions (table, strikethrough, autolink,
// tagfilter, tasklist). Only Sources/ChatBetoRender/MarkdownParser.swift imports this module.
#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/// The parse and render options chatbeto uses: footnotes on, UTF-8 checked, raw HTML never passed
/// through (cmark-gfm's default is safe: raw HTML becomes a comment and unsafe link schemes are dropped).
static inline int chatbeto_cmark_options(void) {
    return CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
}

/// Frees a string cmark-gfm allocated (a rendering).
static inline void chatbeto_cmark_free(char *text) { free(text); }
#endif
