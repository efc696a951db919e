"""Huge input typed or pasted (hostile input is normal input): a search for one word of two million
characters took 19 s (every sampled message's word set hashed the word again) and no index could ever hold
such a word; a name of 100,000 characters came back whole in the error. Words longer than the 84 characters
InnoDB indexes are dropped like one-letter ones, and what the user typed is quoted back cut, with its length."""


def test_a_search_for_a_word_no_index_holds_says_so_briefly(home, tmp_path):
    script = tmp_path / "huge.chatbeto"
    script.write_text("search " + "x" * 2_000_000 + "\n")
    r = home.run(["-f", str(script)], check=False)
    assert r.returncode != 0
    assert "longer than the 84 characters the index holds" in r.stderr, r.stderr[:300]
    assert "(2000000 characters)" in r.stderr and len(r.stderr) < 600, r.stderr[:300]


def test_a_long_word_beside_a_real_one_is_dropped_and_the_search_runs(home):
    home.run(["import", "--demo"])
    plain = home.run(["--format", "tsv", "-e", "search python"]).stdout
    with_long = home.run(["--format", "tsv", "-e", "search python " + "z" * 90]).stdout
    assert plain.count("\n") > 1 and with_long == plain


def test_a_name_of_100000_characters_is_quoted_back_cut(home):
    r = home.run(["-e", "show " + "y" * 100_000], check=False)
    assert r.returncode != 0 and "no conversation matches 'yyyy" in r.stderr
    assert "… (100000 characters)" in r.stderr and len(r.stderr) < 600, r.stderr[:300]
    r = home.run(["-e", "use " + "p" * 100_000], check=False)
    assert "… (100000 characters)" in r.stderr and len(r.stderr) < 600, r.stderr[:300]
