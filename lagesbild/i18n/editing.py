"""Texts of the edit page (Redigera): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "editing.heading": ("Redigera", "Edit"),
    "editing.intro": (
        "Ändra riskregistret, revisionens rekommendationer och uppföljningar, styrdokumenten och "
        "informationsklassningen. Allt kontrolleras som vid inläsning av en fil och varje ändring "
        "loggas. En ny bedömning sparas som en ny rad: den gamla finns kvar i historiken.",
        "Change the risk register, the audit's recommendations and follow-ups, the governing "
        "documents and the information classification. Everything is checked as when a file is "
        "imported, and every change is logged. A new assessment is saved as a new row: the old "
        "one stays in the history."),
    "editing.what": ("Vad vill du ändra?", "What do you want to change?"),
    "editing.target.risks": ("Risker", "Risks"),
    "editing.target.recommendations": ("Rekommendationer och uppföljningar",
                                       "Recommendations and follow-ups"),
    "editing.target.documents": ("Styrdokument", "Governing documents"),
    "editing.target.classifications": ("Informationsklassning", "Information classification"),
    "editing.new_option": ("➕ Ny …", "➕ New …"),
    "editing.choose.risks": ("Risk", "Risk"),
    "editing.choose.recommendations": ("Rekommendation", "Recommendation"),
    "editing.choose.documents": ("Styrdokument", "Governing document"),
    "editing.choose.classifications": ("System", "System"),
    "editing.new.risks": ("Ny risk", "New risk"),
    "editing.new.recommendations": ("Ny rekommendation", "New recommendation"),
    "editing.new.documents": ("Nytt styrdokument", "New governing document"),
    "editing.current.risks": ("Senaste bedömningen, {date}", "Latest assessment, {date}"),
    "editing.current.followups": ("Senaste uppföljningen, {date}", "Latest follow-up, {date}"),
    "editing.current.classifications": ("Senaste klassningen, {date}", "Latest classification, {date}"),
    "editing.no_followup": ("Rekommendationen är ännu inte följd upp.",
                            "The recommendation has not been followed up yet."),
    "editing.no_classification": ("Systemet är ännu inte klassat.",
                                  "The system has not been classified yet."),
    "editing.empty.risks": ("Riskregistret är tomt; lägg till den första risken nedan.",
                            "The risk register is empty; add the first risk below."),
    "editing.empty.recommendations": ("Det finns inga rekommendationer; lägg till en nedan.",
                                      "There are no recommendations; add one below."),
    "editing.empty.documents": ("Det finns inga styrdokument; lägg till ett nedan.",
                                "There are no governing documents; add one below."),
    "editing.empty.classifications": (
        "Det finns inga system att klassa. Läs först in systemregistret på sidan Data.",
        "There are no systems to classify. First import the system register on the Data page."),
    "editing.form.risks": ("Ny bedömning", "New assessment"),
    "editing.form.followups": ("Ny uppföljning", "New follow-up"),
    "editing.form.recommendations": ("Rekommendationen", "The recommendation"),
    "editing.form.documents": ("Styrdokumentet", "The governing document"),
    "editing.form.classifications": ("Ny klassning", "New classification"),
    "editing.history_note": (
        "Sparas som en ny rad daterad {field}; datumet måste vara senare än den senaste ({newest}).",
        "Saved as a new row dated {field}; the date must be later than the latest ({newest})."),
    "editing.in_place_note": ("Ändras på sin plats; identiteten ({field}) kan inte ändras.",
                              "Changed in place; the identifier ({field}) cannot be changed."),
    "editing.save": ("Spara", "Save"),
    "editing.column.field": ("Fält", "Field"),
    "editing.column.value": ("Värde", "Value"),
    "editing.none": ("–", "–"),
    "editing.refused": ("Ingenting sparades:", "Nothing was saved:"),
    "editing.more_problems": ("… och {count} fel till.", "… and {count} more problems."),
    "editing.nothing_changed": ("Inget har ändrats, så ingenting sparades.",
                                "Nothing has changed, so nothing was saved."),
    "editing.date_not_after.risks": (
        "{field} {date} är inte senare än den senaste bedömningen av {entity} ({newest}). "
        "En ny bedömning får ett senare datum; den gamla skrivs aldrig över.",
        "{field} {date} is not later than the latest assessment of {entity} ({newest}). "
        "A new assessment takes a later date; the old one is never overwritten."),
    "editing.date_not_after.followups": (
        "{field} {date} är inte senare än den senaste uppföljningen av {entity} ({newest}). "
        "En ny uppföljning får ett senare datum; den gamla skrivs aldrig över.",
        "{field} {date} is not later than the latest follow-up of {entity} ({newest}). "
        "A new follow-up takes a later date; the old one is never overwritten."),
    "editing.date_not_after.classifications": (
        "{field} {date} är inte senare än den senaste klassningen av {entity} ({newest}). "
        "En ny klassning får ett senare datum; den gamla skrivs aldrig över.",
        "{field} {date} is not later than the latest classification of {entity} ({newest}). "
        "A new classification takes a later date; the old one is never overwritten."),
    "editing.saved.risks": ("En ny bedömning av {entity} per {date} är sparad.",
                            "A new assessment of {entity} as of {date} was saved."),
    "editing.saved.followups": ("En ny uppföljning av {entity} per {date} är sparad.",
                                "A new follow-up of {entity} as of {date} was saved."),
    "editing.saved.classifications": ("En ny klassning av {entity} per {date} är sparad.",
                                      "A new classification of {entity} as of {date} was saved."),
    "editing.saved.recommendations.new": ("Rekommendationen {entity} är tillagd.",
                                          "The recommendation {entity} was added."),
    "editing.saved.recommendations.changed": ("Rekommendationen {entity} är ändrad.",
                                              "The recommendation {entity} was changed."),
    "editing.saved.documents.new": ("Styrdokumentet {entity} är tillagt.",
                                    "The governing document {entity} was added."),
    "editing.saved.documents.changed": ("Styrdokumentet {entity} är ändrat.",
                                        "The governing document {entity} was changed."),
}
