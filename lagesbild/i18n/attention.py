"""Texts of the findings for the board's attention (Att uppmärksamma): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
