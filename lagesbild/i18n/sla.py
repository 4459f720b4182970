"""Texts of the Tillgänglighet och SLA page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
