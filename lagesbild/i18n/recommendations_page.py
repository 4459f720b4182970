"""Texts of the Revisionens rekommendationer page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
}
