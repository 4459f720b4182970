"""Texts of the Data page (upload, templates, exports): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "data_page.heading": ("Data", "Data"),
    "data_page.intro": (
        "Läs in en fil för ett dataslag, hämta en mall eller exportera det som finns. En fil "
        "kontrolleras först och läses in först när du bekräftar; ingenting sparas dessförinnan.",
        "Import a file for a kind of data, download a template or export what is stored. A file "
        "is checked first and imported only when you confirm; nothing is saved before that."),
    "data_page.kind": ("Dataslag", "Kind of data"),
    "data_page.section.import": ("Läs in fil", "Import a file"),
    "data_page.section.templates": ("Mall och export", "Template and export"),
    "data_page.upload": ("Välj en CSV- eller Excel-fil (.xlsx)",
                         "Choose a CSV or Excel file (.xlsx)"),
    "data_page.upload_help": (
        "Rubrikerna ska vara de svenska (eller engelska) kolumnnamnen, som i mallen. CSV i UTF-8 "
        "eller Windows-1252, avgränsad med semikolon, komma eller tabb.",
        "The headers are the Swedish (or English) column names, as in the template. CSV in UTF-8 "
        "or Windows-1252, separated by semicolons, commas or tabs."),
    "data_page.too_large": ("Filen är {size} MB; högst {limit} MB kan läsas in här.",
                            "The file is {size} MB; at most {limit} MB can be imported here."),
    "data_page.checked_file": ("Kontrollerad fil: {file} (SHA-256 {sha})",
                               "Checked file: {file} (SHA-256 {sha})"),
    "data_page.preview": ("Förhandsvisning: de första {shown} av {rows} raderna",
                          "Preview: the first {shown} of {rows} rows"),
    "data_page.preview_all": ("Förhandsvisning: alla {rows} raderna", "Preview: all {rows} rows"),
    "data_page.column.row": ("Rad", "Row"),
    "data_page.column.column": ("Kolumn", "Column"),
    "data_page.column.problem": ("Problem", "Problem"),
    "data_page.problems.one": ("Filen har 1 fel. Ingenting har lästs in; rätta filen och välj den "
                               "igen.",
                               "The file has 1 problem. Nothing was imported; correct the file and "
                               "choose it again."),
    "data_page.problems.other": ("Filen har {count} fel. Ingenting har lästs in; rätta filen och "
                                 "välj den igen.",
                                 "The file has {count} problems. Nothing was imported; correct the "
                                 "file and choose it again."),
    "data_page.problems_more": ("Tabellen visar de första {shown}; ytterligare {more} fel finns.",
                                "The table shows the first {shown}; {more} more problems exist."),
    "data_page.would_change.one": (
        "Filen är giltig: 1 rad. Vid inläsning blir {inserted} nya, {updated} ändrade och "
        "{unchanged} oförändrade.",
        "The file is valid: 1 row. Importing it adds {inserted}, changes {updated} and "
        "leaves {unchanged} unchanged."),
    "data_page.would_change.other": (
        "Filen är giltig: {rows} rader. Vid inläsning blir {inserted} nya, {updated} ändrade och "
        "{unchanged} oförändrade.",
        "The file is valid: {rows} rows. Importing it adds {inserted}, changes {updated} and "
        "leaves {unchanged} unchanged."),
    "data_page.ignored": ("Kolumner som inte ingår i formatet läses inte in: {columns}.",
                          "Columns that are not part of the format are not read: {columns}."),
    "data_page.confirm": ("Läs in", "Import"),
    "data_page.confirm_help": ("Läser in exakt den kontrollerade filen och loggar ändringen.",
                               "Imports exactly the checked file and logs the change."),
    "data_page.done": (
        "{file} är inläst som {kind}: {inserted} nya, {updated} ändrade och {unchanged} "
        "oförändrade rader. Ändringen finns i ändringsloggen.",
        "{file} was imported as {kind}: {inserted} added, {updated} changed and {unchanged} "
        "unchanged rows. The change is in the change history."),
    "data_page.failed": ("Inläsningen avbröts och ingenting sparades:",
                         "The import was stopped and nothing was saved:"),
    "data_page.changed_since_check": (
        "Filen har bytts sedan kontrollen; kontrollera den igen innan du läser in.",
        "The file has changed since it was checked; check it again before importing."),
    "data_page.template": ("Mall", "Template"),
    "data_page.template_help": (
        "Svenska rubriker och en exempelrad som går att läsa in. Ersätt exemplet med era rader.",
        "Swedish headers and one example row that imports. Replace the example with your rows."),
    "data_page.template_csv": ("Mall (CSV)", "Template (CSV)"),
    "data_page.template_xlsx": ("Mall (Excel)", "Template (Excel)"),
    "data_page.export": ("Export", "Export"),
    "data_page.export_help": (
        "Allt som finns lagrat för dataslaget, i samma format som vid inläsning: {rows} rader.",
        "Everything stored for the kind, in the import format: {rows} rows."),
    "data_page.export_csv": ("Exportera (CSV)", "Export (CSV)"),
    "data_page.export_xlsx": ("Exportera (Excel)", "Export (Excel)"),
    "data_page.file.template": ("mall", "template"),
    "data_page.yes": ("ja", "yes"),
    "data_page.no": ("nej", "no"),
}
