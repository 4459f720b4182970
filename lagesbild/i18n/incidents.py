"""Texts of the Incidenter page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # --- Heading and headline figures --------------------------------------------------------
    "incidents_page.heading": ("Incidenter {year} · {scope}", "Incidents {year} · {scope}"),
    "incidents_page.no_data": ("Inga incidenter för {scope} {year}.",
                               "No incidents for {scope} in {year}."),
    "incidents_page.no_data.previous": ("Inga incidenter för {scope} {year} "
                                        "({previous_year}: {previous}).",
                                        "No incidents for {scope} in {year} "
                                        "({previous_year}: {previous})."),
    "incidents_page.metric.incidents": ("Anmälda incidenter", "Reported incidents"),
    "incidents_page.metric.serious": ("Allvarliga (grad {serious_severity}–4)", "Serious (severity {serious_severity}–4)"),
    "incidents_page.metric.breaches": ("Personuppgiftsincidenter", "Personal data breaches"),
    "incidents_page.metric.open.ended": ("Öppna vid årets slut", "Open at year end"),
    "incidents_page.metric.open.running": ("Öppna i dag", "Open today"),

    # --- Per month ---------------------------------------------------------------------------
    "incidents_page.month.title": ("Incidenter per månad", "Incidents per month"),
    "incidents_page.month.reported.one": ("{count} incident anmäldes {year}",
                                          "{count} incident was reported in {year}"),
    "incidents_page.month.reported.other": ("{count} incidenter anmäldes {year}",
                                            "{count} incidents were reported in {year}"),
    "incidents_page.month.sentence": ("{reported}, {change}. Flest anmäldes i {month} ({peak}).",
                                      "{reported}, {change}. The most were reported in {month} "
                                      "({peak})."),
    "incidents_page.month.serious_none": ("Ingen av dem var allvarlig (grad {serious_severity}–4), vilket är bra.",
                                          "None of them was serious (severity {serious_severity}–4), which is good."),
    "incidents_page.month.serious": ("Allvarliga incidenter (grad {serious_severity}–4): {serious}, {change}.",
                                     "Serious incidents (severity {serious_severity}–4): {serious}, {change}."),
    "incidents_page.month.previous_total": ("{year} totalt", "{year} in total"),

    # --- Per category, cause and municipality ------------------------------------------------
    "incidents_page.category.title": ("Per kategori", "By category"),
    "incidents_page.category.sentence": ("Vanligast {year} var {label}: {count} av {total} "
                                         "incidenter ({share}).",
                                         "The most common category in {year} was {label}: {count} "
                                         "of {total} incidents ({share})."),
    "incidents_page.category.no_rise": ("Ingen kategori ökade jämfört med {previous_year}, "
                                        "vilket är bra.",
                                        "No category rose compared with {previous_year}, "
                                        "which is good."),
    "incidents_page.cause.title": ("Per orsak", "By cause"),
    "incidents_page.cause.sentence": ("Vanligaste orsaken {year} var {label}: {count} av {total} "
                                      "incidenter ({share}).",
                                      "The most common cause in {year} was {label}: {count} of "
                                      "{total} incidents ({share})."),
    "incidents_page.cause.no_rise": ("Ingen orsak ökade jämfört med {previous_year}, vilket är bra.",
                                     "No cause rose compared with {previous_year}, which is good."),
    "incidents_page.rise": ("Störst ökning jämfört med {previous_year}: {label} ({difference}), "
                            "värt att följa upp.",
                            "Largest rise compared with {previous_year}: {label} ({difference}), "
                            "worth following up."),
    "incidents_page.no_previous": ("För {previous_year} finns inga incidenter att jämföra med.",
                                   "There are no incidents in {previous_year} to compare with."),
    "incidents_page.municipality.title": ("Per kommun", "By municipality"),
    "incidents_page.municipality.sentence": ("Flest incidenter {year} gällde {most}: {most_count}. "
                                             "Färst gällde {fewest}: {fewest_count}.",
                                             "Most incidents in {year} concerned {most}: "
                                             "{most_count}. The fewest concerned {fewest}: "
                                             "{fewest_count}."),
    "incidents_page.municipality.no_rise": ("Ingen kommun hade fler incidenter än {previous_year}, "
                                            "vilket är bra.",
                                            "No municipality had more incidents than in "
                                            "{previous_year}, which is good."),
    "incidents_page.municipality.note": ("Kommunerna är olika stora: jämför helst varje kommun med "
                                         "sig själv året innan.",
                                         "The municipalities differ in size: compare each one with "
                                         "itself the year before."),
    "incidents_page.municipality.single": ("Fördelningen per kommun visas när Alla kommuner är valt. "
                                           "Jämförelsen med {previous_year} för {scope} står i "
                                           "siffrorna överst.",
                                           "The breakdown by municipality is shown when All "
                                           "municipalities is selected. The comparison with "
                                           "{previous_year} for {scope} is in the figures at the top."),

    # --- Time to resolve ---------------------------------------------------------------------
    "incidents_page.resolution.title": ("Tid till åtgärd", "Time to resolve"),
    "incidents_page.resolution.severity": ("allvarlighetsgrad {number} ({label})",
                                           "severity {number} ({label})"),
    "incidents_page.resolution.faster": ("Incidenter med {severity} åtgärdades {year} på {median} "
                                         "timmar i median, snabbare än {previous_year} ({previous} "
                                         "timmar), vilket är bra. Nio av tio var åtgärdade inom "
                                         "{p90} timmar.",
                                         "Incidents of {severity} were resolved in a median of "
                                         "{median} hours in {year}, faster than in {previous_year} "
                                         "({previous} hours), which is good. Nine in ten were "
                                         "resolved within {p90} hours."),
    "incidents_page.resolution.slower": ("Incidenter med {severity} åtgärdades {year} på {median} "
                                         "timmar i median, långsammare än {previous_year} "
                                         "({previous} timmar), vilket är en försämring. Nio av tio "
                                         "var åtgärdade inom {p90} timmar.",
                                         "Incidents of {severity} were resolved in a median of "
                                         "{median} hours in {year}, slower than in {previous_year} "
                                         "({previous} hours), which is a change for the worse. "
                                         "Nine in ten were resolved within {p90} hours."),
    "incidents_page.resolution.same": ("Incidenter med {severity} åtgärdades {year} på {median} "
                                       "timmar i median, lika snabbt som {previous_year}. Nio av "
                                       "tio var åtgärdade inom {p90} timmar.",
                                       "Incidents of {severity} were resolved in a median of "
                                       "{median} hours in {year}, as fast as in {previous_year}. "
                                       "Nine in ten were resolved within {p90} hours."),
    "incidents_page.resolution.no_previous": ("Incidenter med {severity} åtgärdades {year} på "
                                              "{median} timmar i median, och nio av tio inom {p90} "
                                              "timmar. För {previous_year} finns inga åtgärdade "
                                              "incidenter med den graden att jämföra med.",
                                              "Incidents of {severity} were resolved in a median "
                                              "of {median} hours in {year}, and nine in ten within "
                                              "{p90} hours. There are no resolved incidents of "
                                              "that severity in {previous_year} to compare with."),
    "incidents_page.resolution.none": ("Ingen av incidenterna {year} är åtgärdad ännu.",
                                       "None of the incidents of {year} has been resolved yet."),
    "incidents_page.resolution.unresolved.one": ("{count} av årets incidenter är ännu inte "
                                                 "åtgärdad.",
                                                 "{count} of the year's incidents is not yet "
                                                 "resolved."),
    "incidents_page.resolution.unresolved.other": ("{count} av årets incidenter är ännu inte "
                                                   "åtgärdade.",
                                                   "{count} of the year's incidents are not yet "
                                                   "resolved."),
    "incidents_page.resolution.note": ("Tiden räknas från anmälan till åtgärd, bara för åtgärdade "
                                       "incidenter. 90:e percentilen är tiden inom vilken nio av "
                                       "tio var åtgärdade.",
                                       "The time runs from report to resolution, for resolved "
                                       "incidents only. The 90th percentile is the time within "
                                       "which nine in ten were resolved."),
    "incidents_page.resolution.col.severity": ("Allvarlighetsgrad", "Severity"),
    "incidents_page.resolution.col.resolved": ("Åtgärdade {year}", "Resolved {year}"),
    "incidents_page.resolution.col.median": ("Median {year} (h)", "Median {year} (h)"),
    "incidents_page.resolution.col.p90": ("90:e percentil {year} (h)", "90th percentile {year} (h)"),

    # --- Open incidents ----------------------------------------------------------------------
    "incidents_page.open.title": ("Öppna incidenter", "Open incidents"),
    "incidents_page.open.sentence.ended": ("Öppna incidenter vid utgången av {year}: {count} "
                                           "(vid utgången av {previous_year}: {previous}).",
                                           "Open incidents at the end of {year}: {count} "
                                           "(end of {previous_year}: {previous})."),
    "incidents_page.open.sentence.running": ("Öppna incidenter i dag, {date}: {count} "
                                             "(vid utgången av {previous_year}: {previous}).",
                                             "Open incidents today, {date}: {count} "
                                             "(end of {previous_year}: {previous})."),
    "incidents_page.open.old.ended.one": ("{old} av dem var äldre än {open_incident_old_days} dygn och bör följas upp.",
                                          "{old} of them was older than {open_incident_old_days} days and should be "
                                          "followed up."),
    "incidents_page.open.old.ended.other": ("{old} av dem var äldre än {open_incident_old_days} dygn och bör följas upp.",
                                            "{old} of them were older than {open_incident_old_days} days and should be "
                                            "followed up."),
    "incidents_page.open.old.running.one": ("{old} av dem är äldre än {open_incident_old_days} dygn och bör följas upp.",
                                            "{old} of them is older than {open_incident_old_days} days and should be "
                                            "followed up."),
    "incidents_page.open.old.running.other": ("{old} av dem är äldre än {open_incident_old_days} dygn och bör följas "
                                              "upp.",
                                              "{old} of them are older than {open_incident_old_days} days and should be "
                                              "followed up."),
    "incidents_page.open.young.ended": ("Ingen av dem var äldre än {open_incident_old_days} dygn, vilket är bra.",
                                        "None of them was older than {open_incident_old_days} days, which is good."),
    "incidents_page.open.young.running": ("Ingen av dem är äldre än {open_incident_old_days} dygn, vilket är bra.",
                                          "None of them is older than {open_incident_old_days} days, which is good."),
    "incidents_page.open.none.ended": ("Inga incidenter var öppna vid utgången av {year}, vilket "
                                       "är bra (vid utgången av {previous_year}: {previous}).",
                                       "No incidents were open at the end of {year}, which is "
                                       "good (end of {previous_year}: {previous})."),
    "incidents_page.open.none.running": ("Inga incidenter är öppna i dag, {date}, vilket är bra "
                                         "(vid utgången av {previous_year}: {previous}).",
                                         "No incidents are open today, {date}, which is good "
                                         "(end of {previous_year}: {previous})."),
    "incidents_page.open.series.ended": ("Utgången av {year}", "End of {year}"),
    "incidents_page.open.series.running": ("I dag", "Today"),
    "incidents_page.open.note": ("En incident räknas som öppen oavsett vilket år den anmäldes. "
                                 "Åldern är tiden sedan anmälan.",
                                 "An incident counts as open whichever year it was reported in. "
                                 "Its age is the time since it was reported."),
    "incidents_page.open.age.under_1": ("under 1 dygn", "under 1 day"),
    "incidents_page.open.age.1_7": ("1–7 dygn", "1–7 days"),
    "incidents_page.open.age.8_30": ("8–{open_incident_old_days} dygn", "8–{open_incident_old_days} days"),
    "incidents_page.open.age.over_30": ("över {open_incident_old_days} dygn", "over {open_incident_old_days} days"),

    # --- Reporting to the authorities --------------------------------------------------------
    "incidents_page.reporting.title": ("Rapportering till myndighet", "Reporting to the authorities"),
    "incidents_page.reporting.breach": ("Personuppgiftsincidenter {year}: {on_time} av {total} "
                                        "anmäldes till IMY inom {breach_notification_hours} timmar",
                                        "Personal data breaches in {year}: {on_time} of {total} "
                                        "reported to IMY within {breach_notification_hours} hours"),
    "incidents_page.reporting.significant": ("Betydande incidenter {year}: {on_time} av {total} "
                                             "rapporterades med en tidig varning inom {significant_warning_hours} timmar",
                                             "Significant incidents in {year}: {on_time} of {total} "
                                             "reported with an early warning within {significant_warning_hours} hours"),
    "incidents_page.reporting.late": ("{count} för sent", "{count} late"),
    "incidents_page.reporting.not_reported": ("{count} inte alls", "{count} not at all"),
    "incidents_page.reporting.pending": ("{count} har tidsfristen kvar",
                                         "{count} still within the deadline"),
    "incidents_page.reporting.previous": ("{previous_year}: {on_time} av {total} i tid.",
                                          "{previous_year}: {on_time} of {total} in time."),
    "incidents_page.reporting.verdict.good": ("Alla rapporterades i tid, vilket är bra.",
                                              "All were reported in time, which is good."),
    "incidents_page.reporting.verdict.late": ("En rapport som kommer för sent bryter mot "
                                              "tidsfristen och bör följas upp.",
                                              "A late report breaks the deadline and should be "
                                              "followed up."),
    "incidents_page.reporting.verdict.pending": ("Håll koll på tidsfristen för de incidenter som "
                                                 "ännu inte är rapporterade.",
                                                 "Keep an eye on the deadline for the incidents "
                                                 "not yet reported."),
    "incidents_page.reporting.verdict.not_reported": ("En rapport som aldrig görs är en allvarlig "
                                                      "brist: ta reda på varför.",
                                                      "A report never made is a serious "
                                                      "shortcoming: find out why."),
    "incidents_page.reporting.rule": ("Bra: alla rapporterades i tid. Bevaka: någon incident har "
                                      "tidsfristen kvar. Åtgärda: någon rapport kom för sent eller "
                                      "inte alls, fast tidsfristen har gått ut.",
                                      "Good: all reported in time. Watch: an incident's deadline is "
                                      "still running. Act: a report came late, or not at all "
                                      "although its deadline has passed."),
    "incidents_page.reporting.none": ("Inga personuppgiftsincidenter eller betydande incidenter "
                                      "anmäldes för {scope} {year}.",
                                      "No personal data breaches or significant incidents were "
                                      "reported for {scope} in {year}."),
    "incidents_page.reporting.note": ("Personuppgiftsincidenter ska anmälas till IMY inom {breach_notification_hours} timmar "
                                      "(GDPR art. 33). Betydande incidenter ska ge en tidig varning "
                                      "inom {significant_warning_hours} timmar (cybersäkerhetslagen). Underlaget har bara en "
                                      "tidpunkt för rapportering till myndighet, så den bedöms mot "
                                      "{significant_warning_hours} timmar för en betydande incident, även när den också är "
                                      "en personuppgiftsincident. Tiden räknas från anmälan.",
                                      "Personal data breaches are to be reported to IMY within {breach_notification_hours} "
                                      "hours (GDPR art. 33). Significant incidents call for an "
                                      "early warning within {significant_warning_hours} hours (the Swedish Cybersecurity "
                                      "Act). The data holds one time of reporting to an authority, "
                                      "so for a significant incident it is judged against {significant_warning_hours} "
                                      "hours, also when the incident is a personal data breach "
                                      "too. The time runs from the internal report."),
    "incidents_page.reporting.kind.breach": ("Personuppgiftsincidenter, till IMY inom {breach_notification_hours} h",
                                             "Personal data breaches, to IMY within {breach_notification_hours} h"),
    "incidents_page.reporting.kind.significant": ("Betydande incidenter, tidig varning inom {significant_warning_hours} h",
                                                  "Significant incidents, early warning within {significant_warning_hours} h"),
    "incidents_page.reporting.outcome.on_time": ("I tid", "In time"),
    "incidents_page.reporting.outcome.late": ("För sent", "Late"),
    "incidents_page.reporting.outcome.not_reported": ("Inte rapporterad", "Not reported"),
    "incidents_page.reporting.outcome.pending": ("Tidsfristen löper", "Deadline running"),
    "incidents_page.reporting.col.id": ("Incident", "Incident"),
    "incidents_page.reporting.col.title": ("Rubrik", "Title"),
    "incidents_page.reporting.col.date": ("Anmäld", "Reported"),
    "incidents_page.reporting.col.municipality": ("Kommun", "Municipality"),
    "incidents_page.reporting.col.category": ("Kategori", "Category"),
    "incidents_page.reporting.col.type": ("Typ", "Type"),
    "incidents_page.reporting.col.hours": ("Timmar till rapport", "Hours to report"),
    "incidents_page.reporting.col.on_time": ("I tid", "In time"),
    "incidents_page.reporting.type.breach": ("Personuppgifter ({hours} h)",
                                             "Personal data ({hours} h)"),
    "incidents_page.reporting.type.significant": ("Betydande ({hours} h)", "Significant ({hours} h)"),
    "incidents_page.reporting.type.both": ("Båda ({hours} h)", "Both ({hours} h)"),
    "incidents_page.reporting.type.help": ("Personuppgiftsincident, betydande incident eller "
                                           "båda, med tidsfristen den bedöms mot.",
                                           "Personal data breach, significant incident or both, "
                                           "with the deadline it is judged against."),
    "incidents_page.reporting.hours.help": ("Timmar från anmälan till rapporten till myndigheten.",
                                            "Hours from the internal report to the report to the "
                                            "authority."),
    "incidents_page.reporting.on_time.yes": ("Ja", "Yes"),
    "incidents_page.reporting.on_time.no": ("Nej", "No"),
    "incidents_page.reporting.on_time.not_reported": ("Nej, ej rapporterad", "No, not reported"),
    "incidents_page.reporting.on_time.pending": ("Tidsfristen löper", "Deadline running"),
}
