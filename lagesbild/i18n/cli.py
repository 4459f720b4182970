"""Texts of the command line: key -> (Swedish, English). The command line speaks Swedish.

``ARGPARSE`` gives argparse's own messages (usage, the help option, errors) in Swedish: keyed
by argparse's English message, with the same ``%(name)s`` / ``%s`` placeholders.
"""

TEXT: dict[str, tuple[str, str]] = {
    "cli.command": ("vad som ska göras; KOMMANDO --help visar kommandots alternativ",
                    "what to do; COMMAND --help shows the command's options"),
    "cli.report.year": ("året rapporten gäller, t.ex. 2025", "the year the report covers, e.g. 2025"),
    "cli.report.format": ("filformat: pdf, docx (Word) eller pptx (PowerPoint)",
                          "file format: pdf, docx (Word) or pptx (PowerPoint)"),
    "cli.report.out": ("filen som rapporten skrivs till", "the file the report is written to"),
    "cli.freeze.year": ("året som fastställs, t.ex. 2025", "the year to freeze, e.g. 2025"),
    "cli.import.file": ("CSV- eller XLSX-filen som ska läsas in", "the CSV or XLSX file to import"),
    "cli.export.format": ("filformat: csv (för svenskt Excel) eller xlsx",
                          "file format: csv (for Swedish Excel) or xlsx"),
    "cli.export.out": ("filen som exporten skrivs till", "the file the export is written to"),
    "cli.year.invalid": ("{value} är inget årtal: ange året med fyra siffror, t.ex. 2025",
                         "{value} is not a year: give the year in four digits, e.g. 2025"),
}

ARGPARSE: dict[str, tuple[str, str]] = {
    "usage: ": ("användning: ", "usage: "),
    "options": ("alternativ", "options"),
    "positional arguments": ("argument", "positional arguments"),
    "show this help message and exit": ("visa den här hjälpen och avsluta",
                                        "show this help message and exit"),
    "%(prog)s: error: %(message)s\n": ("%(prog)s: fel: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "the following arguments are required: %s": ("de här argumenten måste anges: %s",
                                                 "the following arguments are required: %s"),
    "unrecognized arguments: %s": ("okända argument: %s", "unrecognized arguments: %s"),
    "argument %(argument_name)s: %(message)s": ("argumentet %(argument_name)s: %(message)s",
                                                "argument %(argument_name)s: %(message)s"),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)"),
    "invalid %(type)s value: %(value)r": ("ogiltigt värde: %(value)r", "invalid %(type)s value: %(value)r"),
    "expected one argument": ("ett värde saknas", "expected one argument"),
    "expected at most one argument": ("högst ett värde får anges", "expected at most one argument"),
    "expected at least one argument": ("minst ett värde måste anges", "expected at least one argument"),
    "ambiguous option: %(option)s could match %(matches)s": (
        "alternativet %(option)s är tvetydigt: det kan vara %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s"),
    "ignored explicit argument %r": ("värdet %r hör inte till alternativet", "ignored explicit argument %r"),
    "not allowed with argument %s": ("får inte anges tillsammans med %s", "not allowed with argument %s"),
    "one of the arguments %s is required": ("ett av argumenten %s måste anges",
                                            "one of the arguments %s is required"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)"),
    "expected %s argument": ("%s värde väntades", "expected %s argument"),
    "expected %s arguments": ("%s värden väntades", "expected %s arguments"),
}
