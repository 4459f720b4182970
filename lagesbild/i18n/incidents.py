"""Texts of the Incidenter page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
