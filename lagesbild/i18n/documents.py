"""Texts of the Styrdokument page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "documents_page.heading": ("Styrdokument {year}", "Governing documents {year}"),
    "documents_page.whole_association": (
        "Styrdokumenten gäller hela förbundet; valet av kommun påverkar inte sidan.",
        "The governing documents concern the whole association; the municipality filter does "
        "not apply to this page."),
    "documents_page.no_history": (
        "Registret sparar ingen historik: status och beslut visas som de är i dag, översynen "
        "bedöms per {date}.",
        "The register keeps no history: status and decisions are shown as they are today, the "
        "review is judged as of {date}."),
    "documents_page.no_data": ("Det finns inga styrdokument registrerade.",
                               "No governing documents are recorded."),

    # --- Headline figures ------------------------------------------------------------------
    "documents_page.metric.overdue": ("Översyn passerad", "Review overdue"),
    "documents_page.metric.due_soon": ("Översyn inom {document_due_soon_days} dagar", "Review within {document_due_soon_days} days"),
    "documents_page.metric.ok": ("Översyn i tid", "Review on time"),
    "documents_page.metric.not_decided": ("Ej beslutade", "Not decided"),
    "documents_page.help.overdue": ("Styrdokument vars nästa översyn ligger före {date}.",
                                    "Documents whose next review lies before {date}."),
    "documents_page.help.due_soon": ("Nästa översyn inom {document_due_soon_days} dagar från {date}.",
                                     "Next review within {document_due_soon_days} days from {date}."),
    "documents_page.help.ok": ("Nästa översyn mer än {document_due_soon_days} dagar bort.",
                               "Next review more than {document_due_soon_days} days away."),
    "documents_page.help.not_decided": ("Utkast och dokument utan beslutsdatum per {date}.",
                                        "Drafts and documents without a decision as of {date}."),
    "documents_page.status_rule": (
        "Bra: inget styrdokument har passerat sin översyn eller ska ses över inom {document_due_soon_days} dagar. "
        "Bevaka: något ska ses över inom {document_due_soon_days} dagar. Åtgärda: något har passerat sin översyn.",
        "Good: no document is past its review or due for review within {document_due_soon_days} days. "
        "Watch: some are due within {document_due_soon_days} days. Act: some are past their review."),

    # --- The register ------------------------------------------------------------------------
    "documents_page.register.title": ("Registret", "The register"),
    "documents_page.register.note": (
        "Nästa översyn = beslutsdatum + översynsintervall. Upphävda dokument står sist och "
        "räknas aldrig som försenade.",
        "Next review = decision date + review interval. Repealed documents come last and never "
        "count as overdue."),
    "documents_page.overdue.none": (
        "Inget av de {total} styrdokumenten har passerat sin översyn per {date} ({previous} "
        "vid utgången av {previous_year}).",
        "None of the {total} governing documents is past its review as of {date} ({previous} "
        "at the end of {previous_year})."),
    "documents_page.overdue.one": (
        "1 av {total} styrdokument har passerat sin översyn per {date} ({previous} vid "
        "utgången av {previous_year}): {titles}.",
        "1 of {total} governing documents is past its review as of {date} ({previous} at the "
        "end of {previous_year}): {titles}."),
    "documents_page.overdue.other": (
        "{count} av {total} styrdokument har passerat sin översyn per {date} ({previous} vid "
        "utgången av {previous_year}): {titles}.",
        "{count} of {total} governing documents are past their review as of {date} "
        "({previous} at the end of {previous_year}): {titles}."),
    "documents_page.due_soon.none": ("Inget ska ses över inom de närmaste {document_due_soon_days} dagarna.",
                                     "None is due for review within the next {document_due_soon_days} days."),
    "documents_page.due_soon.one": ("1 ska ses över inom {document_due_soon_days} dagar: {titles}.",
                                    "1 is due for review within {document_due_soon_days} days: {titles}."),
    "documents_page.due_soon.other": ("{count} ska ses över inom {document_due_soon_days} dagar: {titles}.",
                                      "{count} are due for review within {document_due_soon_days} days: {titles}."),
    "documents_page.column.title": ("Titel", "Title"),
    "documents_page.column.type": ("Typ", "Type"),
    "documents_page.column.decided_by": ("Beslutad av", "Decided by"),
    "documents_page.column.decided_on": ("Beslutad", "Decided"),
    "documents_page.column.review_months": ("Översynsintervall", "Review interval"),
    "documents_page.column.next_review": ("Nästa översyn", "Next review"),
    "documents_page.column.review_state": ("Översyn", "Review"),
    "documents_page.column.status": ("Status", "Status"),
    "documents_page.column.owner": ("Ägare", "Owner"),
    "documents_page.months": ("{count} mån", "{count} months"),
    "documents_page.state.overdue": ("Passerad", "Overdue"),
    "documents_page.state.due_soon": ("Inom {document_due_soon_days} dagar", "Within {document_due_soon_days} days"),
    "documents_page.state.ok": ("I tid", "On time"),
    "documents_page.state.not_decided": ("Ej beslutad", "Not decided"),
    "documents_page.state.repealed": ("Ingen (upphävd)", "None (repealed)"),
}
