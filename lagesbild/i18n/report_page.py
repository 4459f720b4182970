"""Texts of the Rapport page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "report_page.heading": ("Årsrapport {year} · {scope}", "Yearly report {year} · {scope}"),
    "report_page.intro": (
        "Rapporten till förbundsdirektionen: sammanfattning, ett kapitel per område och förslag "
        "till beslut, med samma siffror som sidorna visar.",
        "The report for the board: a summary, a chapter per area and proposed decisions, with "
        "the same figures as the pages."),
    "report_page.frozen": (
        "{year} är fastställt: version {version}, {date} av {who}. Rapporten visar de sparade "
        "siffrorna, även om uppgifterna har rättats efteråt.",
        "{year} is frozen: version {version}, {date} by {who}. The report shows the stored "
        "figures, even if the data has been corrected since."),
    "report_page.not_frozen": (
        "{year} är inte fastställt: rapporten visar uppgifterna som de ser ut i dag.",
        "{year} is not frozen: the report shows the data as it is today."),
    "report_page.public": ("Offentlig version", "Public version"),
    "report_page.public_help": (
        "Bara sammanställda uppgifter: inga incidentrubriker, inga riskbeskrivningar och inga "
        "namngivna system med brister. Använd den för handlingar som lämnas ut.",
        "Aggregates only: no incident titles, no risk descriptions and no named systems with "
        "weaknesses. Use it for documents that are made public."),
    "report_page.download": ("Ladda ned", "Download"),
    "report_page.format.pdf": ("PDF", "PDF"),
    "report_page.format.docx": ("Word", "Word"),
    "report_page.format.pptx": ("PowerPoint", "PowerPoint"),
    "report_page.format_help.pdf": ("Färdig handling i A4 att bifoga kallelsen.",
                                    "A finished A4 document to attach to the meeting papers."),
    "report_page.format_help.docx": ("Redigerbar text att arbeta om till tjänsteskrivelsen.",
                                     "Editable text to adapt into the officer's report."),
    "report_page.format_help.pptx": ("Bilder med redigerbara diagram och talarmanus.",
                                     "Slides with editable charts and speaker notes."),
    "report_page.file_name": ("lagesbild-{year}-{variant}.{ext}", "lagesbild-{year}-{variant}.{ext}"),
    "report_page.variant.internal": ("intern", "internal"),
    "report_page.variant.public": ("offentlig", "public"),
    "report_page.contents": ("Det här står i rapporten", "What the report says"),
    "report_page.area": ("Område", "Area"),
    "report_page.figure": ("Nyckeltal", "Key figure"),
    "report_page.change": ("Förändring", "Change"),
    "report_page.status": ("Läge", "Status"),
    "report_page.sentence": ("I korthet", "In brief"),
    "report_page.freeze.title": ("Fastställ {year}", "Freeze {year}"),
    "report_page.freeze.intro": (
        "När direktionen har fått rapporten fastställer du året: siffrorna bakom rapporten "
        "sparas, så att samma rapport kan tas fram senare även om uppgifter rättas. Ett "
        "fastställt år ändras bara genom en ny version; tidigare versioner finns kvar.",
        "Once the board has received the report, freeze the year: the figures behind it are "
        "stored, so the same report can be produced later even if data is corrected. A frozen "
        "year changes only through a new version; earlier versions are kept."),
    "report_page.freeze.note": ("Notering (t.ex. beslut och paragraf)",
                                "Note (e.g. decision and minute number)"),
    "report_page.freeze.confirm": (
        "Jag vill spara siffrorna för {year} som de ser ut nu",
        "I want to store the figures for {year} as they are now"),
    "report_page.freeze.button": ("Fastställ", "Freeze"),
    "report_page.freeze.again": ("Fastställ en ny version", "Freeze a new version"),
    "report_page.freeze.done": ("{year} är fastställt (version {version}).",
                                "{year} is frozen (version {version})."),
    "report_page.freeze.running": (
        "{year} pågår fortfarande: en fastställd version visar läget per i dag.",
        "{year} is still running: a frozen version shows the situation as of today."),
    "report_page.versions": ("Fastställda versioner", "Frozen versions"),
    "report_page.versions.version": ("Version", "Version"),
    "report_page.versions.frozen_at": ("Fastställd", "Frozen"),
    "report_page.versions.frozen_by": ("Av", "By"),
    "report_page.versions.note": ("Notering", "Note"),
    "report_page.versions.sha256": ("Kontrollsumma (SHA-256)", "Checksum (SHA-256)"),
}
