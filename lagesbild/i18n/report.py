"""Texts of the report part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
