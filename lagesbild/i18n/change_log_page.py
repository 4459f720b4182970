"""Texts of the change history page (Ändringslogg): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "change_log_page.heading": ("Ändringslogg", "Change history"),
    "change_log_page.intro": (
        "Varje inläsning, ändring, fastställd lägesbild och ändrad behörighet, senaste först. "
        "Loggen skrivs av Lägesbild själv och kan inte ändras här.",
        "Every import, edit, frozen year and role change, newest first. The log is written by "
        "Lägesbild itself and cannot be changed here."),
    "change_log_page.filter.kind": ("Typ", "Kind"),
    "change_log_page.filter.action": ("Vad", "What"),
    "change_log_page.filter.changed_by": ("Vem", "Who"),
    "change_log_page.filter.date_from": ("Från och med", "From"),
    "change_log_page.filter.date_to": ("Till och med", "To"),
    "change_log_page.all": ("Alla", "All"),
    "change_log_page.column.changed_at": ("När", "When"),
    "change_log_page.column.changed_by": ("Vem", "Who"),
    "change_log_page.column.action": ("Vad", "What"),
    "change_log_page.column.kind": ("Typ", "Kind"),
    "change_log_page.column.file_name": ("Fil", "File"),
    "change_log_page.column.file_sha256": ("SHA-256", "SHA-256"),
    "change_log_page.column.rows_inserted": ("Nya rader", "Rows added"),
    "change_log_page.column.rows_updated": ("Ändrade rader", "Rows changed"),
    "change_log_page.column.rows_unchanged": ("Oförändrade rader", "Rows unchanged"),
    "change_log_page.action.import": ("inläsning", "import"),
    "change_log_page.action.edit": ("ändring", "edit"),
    "change_log_page.action.freeze": ("fastställande", "freeze"),
    "change_log_page.action.role": ("behörighet", "role"),
    "change_log_page.count.one": ("1 ändring.", "1 change."),
    "change_log_page.count.other": ("{count} ändringar.", "{count} changes."),
    "change_log_page.sha_note": (
        "SHA-256 är filens fingeravtryck, förkortat här och fullständigt i exporten: samma "
        "fingeravtryck betyder exakt samma fil.",
        "SHA-256 is the file's fingerprint, shortened here and in full in the export: the same "
        "fingerprint means exactly the same file."),
    "change_log_page.empty": ("Inga ändringar är loggade ännu.", "No changes are logged yet."),
    "change_log_page.empty_filtered": ("Inga ändringar matchar filtren.",
                                       "No changes match the filters."),
    "change_log_page.bad_dates": ("Från-datumet ligger efter till-datumet.",
                                  "The from date is after the to date."),
    "change_log_page.export_csv": ("Exportera (CSV)", "Export (CSV)"),
    "change_log_page.export_xlsx": ("Exportera (Excel)", "Export (Excel)"),
    "change_log_page.file_name": ("andringslogg", "change-history"),
    "change_log_page.sheet": ("Ändringslogg", "Change history"),
}
