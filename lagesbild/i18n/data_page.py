"""Texts of the data_page part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
