"""Texts of the presentation part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
