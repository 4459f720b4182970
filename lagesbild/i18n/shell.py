"""Texts of the app shell (navigation, filters, month names, status words), the phrases every
page uses to compare with the year before, and the overview page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # --- App shell -------------------------------------------------------------------------
    "nav.overview": ("Översikt", "Overview"),
    "nav.incidents": ("Incidenter", "Incidents"),
    "nav.sla": ("Tillgänglighet och SLA", "Availability and SLA"),
    "nav.classification": ("Informationsklassning", "Information classification"),
    "nav.risks": ("Risker", "Risks"),
    "nav.recommendations": ("Revisionens rekommendationer", "Audit recommendations"),
    "nav.documents": ("Styrdokument", "Governing documents"),
    "nav.report": ("Rapport", "Report"),
    "nav.presentation": ("Presentation", "Presentation"),
    "nav.data": ("Data", "Data"),
    "nav.edit": ("Redigera", "Edit"),
    "nav.risk_analysis": ("Riskanalys", "Risk analysis"),
    "nav.change_log": ("Ändringslogg", "Change history"),
    "nav.roles": ("Behörigheter", "Roles"),
    "nav.section.board": ("Lägesbild", "Situation"),
    "nav.section.report": ("Till direktionen", "For the board"),
    "nav.section.maintenance": ("Förvaltning", "Maintenance"),
    "filters.year": ("År", "Year"),
    "filters.municipality": ("Kommun", "Municipality"),
    "filters.all_municipalities": ("Alla kommuner", "All municipalities"),
    "scope.all": ("hela förbundet", "the whole association"),
    "filters.language": ("Språk · Language", "Language · Språk"),
    "language.sv": ("Svenska", "Svenska"),
    "language.en": ("English", "English"),
    "demo.notice": ("Demodata: fiktiva uppgifter för att visa verktyget.",
                    "Demo data: fictitious figures to show the tool."),
    "no_data.selection": ("Det finns inga uppgifter om incidenter, tillgänglighet eller "
                          "informationsklassning för {scope} {year}. "
                          "Välj ett annat år eller en annan kommun.",
                          "There are no incident, availability or classification figures for "
                          "{scope} in {year}. Choose another year or municipality."),
    "list.and": ("och", "and"),

    # --- Month names, as a sentence writes them; a chart axis takes their first three letters
    "month.1": ("januari", "January"),
    "month.2": ("februari", "February"),
    "month.3": ("mars", "March"),
    "month.4": ("april", "April"),
    "month.5": ("maj", "May"),
    "month.6": ("juni", "June"),
    "month.7": ("juli", "July"),
    "month.8": ("augusti", "August"),
    "month.9": ("september", "September"),
    "month.10": ("oktober", "October"),
    "month.11": ("november", "November"),
    "month.12": ("december", "December"),

    # --- The change since the year before, in a sentence (lagesbild.areas.sections) ---------------
    "compare.more": ("{difference} fler än {previous_year}", "{difference} more than in {previous_year}"),
    "compare.fewer": ("{difference} färre än {previous_year}",
                      "{difference} fewer than in {previous_year}"),
    "compare.as_many": ("lika många som {previous_year}", "as many as in {previous_year}"),
    "compare.higher": ("{difference} högre än {previous_year}",
                       "{difference} higher than in {previous_year}"),
    "compare.lower": ("{difference} lägre än {previous_year}",
                      "{difference} lower than in {previous_year}"),
    "compare.same_share": ("samma andel som {previous_year}", "the same share as in {previous_year}"),
    "compare.better": ("vilket är en förbättring", "which is an improvement"),
    "compare.worse": ("vilket är en försämring", "which is a change for the worse"),

    # --- Status words (red/amber/green always with a word) ---------------------------------
    "status.good": ("Bra", "Good"),
    "status.watch": ("Bevaka", "Watch"),
    "status.act": ("Åtgärda", "Act"),

    # --- Overview ----------------------------------------------------------------------------
    "overview.heading": ("Lägesbild {year} · {scope}", "Lägesbild {year} · {scope}"),
    "overview.as_of": ("Per {date}, jämfört med {previous_year}.",
                       "As of {date}, compared with {previous_year}."),
    "overview.as_of_running": ("Per {date}, året pågår. Jämförelsen gäller hela {previous_year}.",
                               "As of {date}, the year is in progress. "
                               "The comparison is with all of {previous_year}."),
    "overview.delta_vs": ("mot {year}", "vs {year}"),
    "overview.whole_association": ("Gäller hela förbundet, inte per kommun.",
                                   "Concerns the whole association, not each municipality."),

    # Incidents
    "incidents.title": ("Incidenter", "Incidents"),
    "incidents.metric": ("Anmälda incidenter", "Reported incidents"),
    "incidents.reported.one": ("{count} incident anmäldes {year}",
                               "{count} incident was reported in {year}"),
    "incidents.reported.other": ("{count} incidenter anmäldes {year}",
                                 "{count} incidents were reported in {year}"),
    "incidents.sentence": ("{reported}, {change}.", "{reported}, {change}."),
    "incidents.sentence.none": ("Inga incidenter anmäldes {year} ({previous_year}: {previous}).",
                                "No incidents were reported in {year} ({previous_year}: {previous})."),
    "incidents.details": ("Allvarliga (grad {serious_severity}–4): {serious} · Personuppgiftsincidenter: {breaches}",
                          "Serious (severity {serious_severity}–4): {serious} · Personal data breaches: {breaches}"),
    "incidents.no_data": ("Inga incidenter är anmälda för {scope} {year} eller {previous_year}.",
                          "No incidents are reported for {scope} in {year} or {previous_year}."),
    "status.rule.incidents": ("Bra: inga allvarliga incidenter (grad {serious_severity}–4). "
                              "Bevaka: allvarliga incidenter, men inte fler än året innan. "
                              "Åtgärda: fler allvarliga incidenter än året innan.",
                              "Good: no serious incidents (severity {serious_severity}–4). "
                              "Watch: serious incidents, but no more than the year before. "
                              "Act: more serious incidents than the year before."),

    # Service levels
    "sla.title": ("Tillgänglighet (SLA)", "Availability (SLA)"),
    "sla.metric": ("Tillgänglighetsmål uppfyllt", "Availability target met"),
    "sla.sentence": ("Tillgänglighetsmålet nåddes i {share} av systemmånaderna {year}, {change}.",
                     "The availability target was met in {share} of system-months in {year}, "
                     "{change}."),
    "sla.sentence.no_previous": ("Tillgänglighetsmålet nåddes i {share} av systemmånaderna {year}; "
                                 "för {previous_year} finns inga uppgifter.",
                                 "The availability target was met in {share} of system-months in "
                                 "{year}; there is no data for {previous_year}."),
    "sla.details": ("Systemmånader: {system_months} · Ärenden inom åtgärdstid: {tickets_share}",
                    "System-months: {system_months} · Tickets resolved within target: "
                    "{tickets_share}"),
    "sla.no_data": ("Det finns inga tillgänglighetsuppgifter för {scope} {year}.",
                    "There are no availability figures for {scope} in {year}."),
    "status.rule.sla": ("Bra: målet nått i minst {good} av systemmånaderna. "
                        "Bevaka: {watch}–{good}. Åtgärda: under {watch}.",
                        "Good: target met in at least {good} of system-months. "
                        "Watch: {watch}–{good}. Act: below {watch}."),

    # Information classification
    "classification.title": ("Informationsklassning", "Information classification"),
    "classification.metric": ("System med aktuell klassning", "Systems with a current classification"),
    "classification.sentence.one": ("{current} av {systems} system har en aktuell "
                                    "informationsklassning ({overdue} med passerad översyn, "
                                    "{never} som aldrig klassats).",
                                    "{current} of {systems} systems has a current information "
                                    "classification ({overdue} past review, {never} never "
                                    "classified)."),
    "classification.sentence.other": ("{current} av {systems} system har en aktuell "
                                      "informationsklassning ({overdue} med passerad översyn, "
                                      "{never} som aldrig klassats).",
                                      "{current} of {systems} systems have a current information "
                                      "classification ({overdue} past review, {never} never "
                                      "classified)."),
    "classification.no_data": ("Det finns inga system registrerade för {scope}.",
                               "There are no systems registered for {scope}."),
    "status.rule.classification": ("Bra: minst {good} av systemen har en aktuell klassning. "
                                   "Bevaka: {watch}–{good}. Åtgärda: under {watch}.",
                                   "Good: at least {good} of systems have a current "
                                   "classification. Watch: {watch}–{good}. Act: below {watch}."),

    # Risks
    "risks.title": ("Risker", "Risks"),
    "risks.metric": ("Höga och extremt höga risker", "High and extremely high risks"),
    "risks.sentence.one": ("Riskregistret har {active} aktiv risk: {high} på nivån hög och "
                           "{extreme} på nivån extremt hög.",
                           "The risk register holds {active} active risk: {high} high and "
                           "{extreme} extremely high."),
    "risks.sentence.other": ("Riskregistret har {active} aktiva risker, varav {high} på nivån hög "
                             "och {extreme} på nivån extremt hög.",
                             "The risk register holds {active} active risks, of which {high} high "
                             "and {extreme} extremely high."),
    "risks.no_data": ("Inga risker är bedömda per {date}: förbundet saknar en registrerad "
                      "riskanalys.",
                      "No risks have been assessed as of {date}: the association has no "
                      "recorded risk analysis."),
    "status.rule.findings": ("Ett fynd under Att uppmärksamma om området ger det minst fyndets "
                             "status.",
                             "A finding about the area under For the board's attention gives it at "
                             "least the finding's status."),
    "status.rule.risks": ("Bra: inga höga eller extremt höga risker. Bevaka: höga risker. "
                          "Åtgärda: extremt höga risker, eller ingen riskanalys alls.",
                          "Good: no high or extremely high risks. Watch: high risks. "
                          "Act: extremely high risks, or no risk analysis at all."),

    # Audit recommendations
    "recommendations.title": ("Revisionens rekommendationer", "Audit recommendations"),
    "recommendations.metric": ("Genomförda", "Implemented"),
    "recommendations.value": ("{done} av {total}", "{done} of {total}"),
    "recommendations.sentence.one": ("Revisionens {total} rekommendation är {parts}.",
                                     "The auditors' {total} recommendation is {parts}."),
    "recommendations.sentence.other": ("Av revisionens {total} rekommendationer är {parts}.",
                                       "Of the auditors' {total} recommendations: {parts}."),
    "recommendations.done.one": ("{count} genomförd", "{count} implemented"),
    "recommendations.done.other": ("{count} genomförda", "{count} implemented"),
    "recommendations.partly.one": ("{count} delvis genomförd", "{count} partly implemented"),
    "recommendations.partly.other": ("{count} delvis genomförda", "{count} partly implemented"),
    "recommendations.not_done.one": ("{count} inte genomförd", "{count} not implemented"),
    "recommendations.not_done.other": ("{count} inte genomförda", "{count} not implemented"),
    "recommendations.not_assessed.one": ("{count} ännu inte bedömd", "{count} not yet assessed"),
    "recommendations.not_assessed.other": ("{count} ännu inte bedömda",
                                           "{count} not yet assessed"),
    "recommendations.no_data": ("Det finns inga rekommendationer från revisionen registrerade.",
                                "No audit recommendations are recorded."),
    "status.rule.recommendations": ("Bra: alla rekommendationer genomförda. Bevaka: någon delvis "
                                    "genomförd eller ännu inte bedömd. Åtgärda: någon inte "
                                    "genomförd.",
                                    "Good: all recommendations implemented. Watch: some partly "
                                    "implemented or not yet assessed. Act: some not implemented."),
}
