"""Texts of the change_log_page part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
