"""Texts of the Revisionens rekommendationer page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "recommendations_page.heading": ("Revisionens rekommendationer {year}",
                                     "Audit recommendations {year}"),
    "recommendations_page.whole_association": (
        "Rekommendationerna gäller hela förbundet; valet av kommun påverkar inte sidan.",
        "The recommendations concern the whole association; the municipality filter does not "
        "apply to this page."),
    "recommendations_page.no_data": (
        "Det finns inga rekommendationer från revisionen registrerade.",
        "No audit recommendations are recorded."),

    # --- Headline figures ------------------------------------------------------------------
    "recommendations_page.metric.done": ("Helt genomförda", "Fully implemented"),
    "recommendations_page.metric.partly": ("Delvis genomförda", "Partly implemented"),
    "recommendations_page.metric.not_done": ("Inte genomförda", "Not implemented"),
    "recommendations_page.metric.overdue": ("Försenade", "Overdue"),
    "recommendations_page.help.done": ("Bedömda Ja vid den senaste uppföljningen.",
                                       "Assessed Yes at the latest follow-up."),
    "recommendations_page.help.partly": ("Bedömda Delvis vid den senaste uppföljningen.",
                                         "Assessed Partly at the latest follow-up."),
    "recommendations_page.help.not_done": ("Bedömda Nej vid den senaste uppföljningen.",
                                           "Assessed No at the latest follow-up."),
    "recommendations_page.help.overdue": (
        "Datumet för klart senast har passerat och rekommendationen är inte helt genomförd.",
        "The due date has passed and the recommendation is not fully implemented."),

    # --- The grid of follow-ups ----------------------------------------------------------------
    "recommendations_page.grid.title": ("Bedömning vid varje uppföljning",
                                        "Assessment at each follow-up"),
    "recommendations_page.grid.overdue.none": ("Ingen rekommendation är försenad.",
                                               "No recommendation is overdue."),
    "recommendations_page.grid.overdue.one": (
        "1 är försenad: datumet för klart senast har passerat utan att den är helt genomförd "
        "({previous} vid utgången av {previous_year}).",
        "1 is overdue: its due date has passed without it being fully implemented ({previous} "
        "at the end of {previous_year})."),
    "recommendations_page.grid.overdue.other": (
        "{overdue} är försenade: datumet för klart senast har passerat utan att de är helt "
        "genomförda ({previous} vid utgången av {previous_year}).",
        "{overdue} are overdue: their due date has passed without them being fully implemented "
        "({previous} at the end of {previous_year})."),
    "recommendations_page.grid.note": (
        "Varje kolumn är en uppföljning: datum och vem som bedömde. Ett streck: inte bedömd "
        "vid den uppföljningen.",
        "Each column is a follow-up: its date and who assessed. A dash: not assessed at that "
        "follow-up."),
    "recommendations_page.grid.no_followups": (
        "Ingen rekommendation hade följts upp per {date}.",
        "No recommendation had been followed up as of {date}."),
    "recommendations_page.column.recommendation": ("Rekommendation", "Recommendation"),
    "recommendations_page.column.owner": ("Ansvarig", "Owner"),
    "recommendations_page.column.due_date": ("Klart senast", "Due"),
    "recommendations_page.column.schedule": ("Tidplan", "Schedule"),
    "recommendations_page.overdue": ("Försenad", "Overdue"),
    "recommendations_page.status.Ja": ("Ja", "Yes"),
    "recommendations_page.status.Delvis": ("Delvis", "Partly"),
    "recommendations_page.status.Nej": ("Nej", "No"),
    "recommendations_page.status.not_assessed": ("Ej bedömd", "Not assessed"),

    # --- Share fully implemented over time -----------------------------------------------------
    "recommendations_page.trend.title": ("Läget vid varje årsskifte", "Status at each year-end"),
    "recommendations_page.trend.sentence.higher": (
        "Per {date} var {share} av rekommendationerna helt genomförda ({done} av {total}), "
        "{difference} mer än vid utgången av {previous_year}, vilket är en förbättring.",
        "As of {date}, {share} of the recommendations were fully implemented ({done} of "
        "{total}), {difference} more than at the end of {previous_year}, which is an "
        "improvement."),
    "recommendations_page.trend.sentence.lower": (
        "Per {date} var {share} av rekommendationerna helt genomförda ({done} av {total}), "
        "{difference} mindre än vid utgången av {previous_year}, vilket är en försämring.",
        "As of {date}, {share} of the recommendations were fully implemented ({done} of "
        "{total}), {difference} less than at the end of {previous_year}, which is a change for "
        "the worse."),
    "recommendations_page.trend.sentence.same": (
        "Per {date} var {share} av rekommendationerna helt genomförda ({done} av {total}), "
        "samma andel som vid utgången av {previous_year}.",
        "As of {date}, {share} of the recommendations were fully implemented ({done} of "
        "{total}), the same share as at the end of {previous_year}."),
    "recommendations_page.trend.none_done": (
        "Ingen av rekommendationerna har ännu bedömts som helt genomförd.",
        "None of the recommendations has yet been assessed as fully implemented."),
    "recommendations_page.trend.year_running": ("{year} (per {date})", "{year} (as of {date})"),

    # --- The recommendations in full ---------------------------------------------------------
    "recommendations_page.full.title": ("Rekommendationerna i sin helhet",
                                        "The recommendations in full"),
    "recommendations_page.full.latest": ("Senaste bedömning {date}, {assessor}: {status}.",
                                         "Latest assessment {date}, {assessor}: {status}."),
    "recommendations_page.full.not_assessed": ("Ännu inte bedömd.", "Not yet assessed."),
}
