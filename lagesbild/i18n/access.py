"""Texts of the access part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
