"""Texts of the Data page's column mapping ("Koppla kolumner") and of files read through an
import profile: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "mapping.recognised": ("Filen känns igen som en export från {profile} och läses genom den "
                           "profilen.",
                           "The file is recognised as an export from {profile} and is read "
                           "through that profile."),
    "mapping.heading": ("Koppla kolumner", "Map the columns"),
    "mapping.intro": (
        "Filen har inte Lägesbilds kolumner och ingen sparad profil känner igen den. Välj vilken "
        "kolumn i filen som motsvarar varje uppgift; förslagen bygger på kolumnernas namn och "
        "innehåll. Spara kopplingen som en profil, så känns nästa månads fil igen direkt.",
        "The file does not have Lägesbild's columns and no saved profile recognises it. Choose "
        "which of the file's columns holds each item; the suggestions come from the columns' "
        "names and contents. Save the mapping as a profile and next month's file is recognised "
        "at once."),
    "mapping.columns": ("Kolumner", "Columns"),
    "mapping.not_in_file": ("(finns inte i filen)", "(not in the file)"),
    "mapping.required": ("{column} (krävs)", "{column} (required)"),
    "mapping.default": ("Värde för {column} när filen inte har det",
                        "Value of {column} where the file has none"),
    "mapping.no_default": ("(inget)", "(none)"),
    "mapping.values": ("Värden i {column}", "Values in {column}"),
    "mapping.values_intro": (
        "Filen skriver värdena på sitt eget sätt. Välj vilket av Lägesbilds värden varje värde "
        "betyder; det som var uppenbart är redan ifyllt.",
        "The file writes the values its own way. Choose which of Lägesbild's values each one "
        "means; what was obvious is filled in."),
    "mapping.value_label.other": ("'{value}' ({rows} rader)", "'{value}' ({rows} rows)"),
    "mapping.value_label.one": ("'{value}' (1 rad)", "'{value}' (1 row)"),
    "mapping.choose": ("(välj)", "(choose)"),
    "mapping.too_many_values": (
        "Kolumnen {header} har fler än {limit} olika värden och är troligen inte rätt kolumn "
        "för {column}.",
        "The column {header} has more than {limit} different values and is probably not the "
        "right column for {column}."),
    "mapping.times": ("Datum och tider", "Dates and times"),
    "mapping.format": ("Format för datum och tider", "Format of dates and times"),
    "mapping.format_help": (
        "I Pythons strftime-koder: %Y år, %m månad, %d dag, %H timme, %M minut, %S sekund, "
        "%b månadens förkortning (Mar), %I timme 1–12 och %p AM/PM.",
        "In Python strftime codes: %Y year, %m month, %d day, %H hour, %M minute, %S second, "
        "%b the month's abbreviation (Mar), %I hour 1–12 and %p AM/PM."),
    "mapping.format_guessed": ("Gissat ur filens värden: {format}. Till exempel läses {example} "
                               "som {stored} svensk tid.",
                               "Guessed from the file's values: {format}. For example {example} "
                               "is read as {stored} Swedish time."),
    "mapping.format_unknown": ("Formatet kunde inte gissas ur filens värden; skriv det.",
                               "The format could not be guessed from the file's values; enter it."),
    "mapping.timezone": ("Tidszon för tider utan tidszon", "Time zone of times without an offset"),
    "mapping.system_by_name": ("Systemkolumnen innehåller systemens namn (de slås upp i "
                               "systemregistret)",
                               "The system column holds the systems' names (looked up in the "
                               "system register)"),
    "mapping.check": ("Kontrollera med kopplingen", "Check with this mapping"),
    "mapping.save_name": ("Profilens namn", "The profile's name"),
    "mapping.save": ("Spara som profil", "Save as profile"),
    "mapping.saved": ("Profilen {profile} är sparad i {path}. Nästa fil med samma kolumner "
                      "känns igen av den.",
                      "The profile {profile} is saved in {path}. The next file with the same "
                      "columns is recognised by it."),
    "mapping.new_values": ("Nya värden i filen", "New values in the file"),
    "mapping.new_values_intro": (
        "Profilen {profile} känner inte igen de här värdena. Välj vad de betyder, så läggs de "
        "till i profilen.",
        "The profile {profile} does not know these values. Choose what they mean and they are "
        "added to the profile."),
    "mapping.add_values": ("Lägg till i profilen och kontrollera igen",
                           "Add to the profile and check again"),
}
