"""Texts of the presentation part: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "presentation.previous": ("Föregående", "Previous"),
    "presentation.next": ("Nästa", "Next"),
    "presentation.counter": ("{number} / {total}", "{number} / {total}"),
    "presentation.counter_help": ("Bild {number} av {total}", "Slide {number} of {total}"),
    "presentation.keys": ("Byt bild med ← och → på tangentbordet.",
                          "Change slides with ← and → on the keyboard."),
    "presentation.public": ("Offentlig version", "Public version"),
    "presentation.public_help": (
        "Visar bara sammanställda uppgifter: inga enskilda incidenter, risk-id eller sårbara "
        "system. Använd den när mötet är offentligt.",
        "Shows aggregates only: no individual incidents, risk ids or vulnerable systems. Use it "
        "when the meeting is public."),
    "presentation.axis_start": ("Obs! Axeln börjar vid {start}, inte vid 0.",
                                "Note: the axis starts at {start}, not at 0."),
    "presentation.exit": ("Avsluta presentationen", "Leave the presentation"),
}
