"""Texts of the Styrdokument page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
