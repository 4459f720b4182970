"""Text a register can hold that Markdown, Streamlit or Plotly would read as something else:
each must be shown as typed, on every page that shows data."""

HOSTILE_TEXTS = (
    "Se https://example.com/a_b?x=1&y=2 och www.example.se/sök",
    "Skriv till it-chef@vmkf.se",
    "Ikon :material/home: och :red[rött] och :blue-background[blått] :smile:",
    "<a href='https://example.com'>R-H6</a>",
    "**fet** _kursiv_ `kod` $x^2$ ~~struken~~ [länk](https://x.se) ![bild](x.png)",
    "1. inte en lista",
    "- inte heller",
    "> inget citat",
    "# ingen rubrik",
    "---",
    "&amp; &lt;b&gt; | a | b |",
    "a\\b \\* 14:22",
)
