/// THE SEAM for the secret scanner (issue 12, "Nothing private leaves unseen"; branch `chat`).
///
/// `recall` calls this exactly once, after the user confirmed the cost and before anything is sent.
/// It returns the text to send (the scanner may redact it) or throws to cancel. Until the scanner is
/// merged it sends the text unchanged. Replace the body with the scanner's call; keep the signature.
func scanBeforeSending(_ text: String, passages: [RecallPassage], context: CommandContext) throws -> String {
    text
}
