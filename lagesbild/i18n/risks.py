"""Texts of the Risker page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
