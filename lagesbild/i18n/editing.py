"""Texts of the editing part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
