"""Texts of the Informationsklassning page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
