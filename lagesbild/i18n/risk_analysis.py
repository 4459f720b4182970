"""Texts of the risk analysis: the scales' definitions, the guided workflow (page Riskanalys)
and the analysis as a document: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # MSB's four levels, worded for a municipal IT service.
    "risk_scales.likelihood.1": (
        "Mer sällan än en gång på tio år. Har inte hänt hos oss eller liknande förbund.",
        "Less often than once in ten years. Has not happened to us or to similar associations."),
    "risk_scales.likelihood.2": (
        "En gång på 3–10 år. Har hänt hos liknande organisationer.",
        "Once in 3–10 years. Has happened to similar organisations."),
    "risk_scales.likelihood.3": (
        "En gång per år till en gång på tre år. Har hänt hos oss.",
        "Once a year to once in three years. Has happened to us."),
    "risk_scales.likelihood.4": (
        "Flera gånger per år.",
        "Several times a year."),
    "risk_scales.consequence.1": (
        "Kort avbrott eller fel som användarna knappt märker; inga personuppgifter röjs; "
        "invånarnas tjänster påverkas inte.",
        "A short outage or fault users barely notice; no personal data is disclosed; "
        "citizens' services are not affected."),
    "risk_scales.consequence.2": (
        "Avbrott i en tjänst upp till en arbetsdag, eller begränsat röjande av "
        "interna uppgifter; enstaka invånare påverkas.",
        "An outage of one service for up to a working day, or limited disclosure of internal "
        "information; a few citizens are affected."),
    "risk_scales.consequence.3": (
        "Avbrott i flera tjänster i dagar, eller röjande av personuppgifter som ska anmälas "
        "till IMY; invånarnas tjänster i en kommun störs märkbart.",
        "An outage of several services for days, or a disclosure of personal data to be "
        "reported to IMY; citizens' services in one municipality are noticeably disrupted."),
    "risk_scales.consequence.4": (
        "Avbrott i verksamhetskritiska tjänster i veckor, eller omfattande röjande av känsliga "
        "personuppgifter; vård, skola eller omsorg i medlemskommunerna kan inte bedrivas som vanligt.",
        "An outage of critical services for weeks, or an extensive disclosure of sensitive personal "
        "data; care, schools or social services in the member municipalities cannot work as usual."),
    "risk_scales.line": (
        "Skalor: {scales}, sannolikhet 1–4 (Mycket liten–Mycket stor) och konsekvens 1–4 "
        "(Försumbar–Allvarlig) enligt MSB:s metodstöd.",
        "Scales: {scales}, likelihood 1–4 (Very low–Very high) and consequence 1–4 "
        "(Negligible–Severe) as in MSB's method support."),

    # The page
    "risk_analysis.intro": (
        "Gå igenom varje komponent i IT-infrastrukturen mot hoten i hotkatalogen, ett i taget. "
        "Varje bedömning sparas som en bedömning i riskregistret, kontrollerad som en import och "
        "loggad. En påbörjad analys kan fortsättas senare.",
        "Walk each component of the IT infrastructure through the threats of the catalogue, one at "
        "a time. Each assessment is saved in the risk register, checked as an import and logged. "
        "An analysis can be continued later."),
    "risk_analysis.choose": ("Riskanalys", "Risk analysis"),
    "risk_analysis.choose.new": ("Ny riskanalys …", "New risk analysis …"),
    "risk_analysis.choose.option": ("{id} – {title} ({state}, {count} bedömningar)",
                                    "{id} – {title} ({state}, {count} assessments)"),
    "risk_analysis.choose.running": ("pågår", "in progress"),
    "risk_analysis.choose.finished": ("avslutad {date}", "finished {date}"),
    "risk_analysis.start.title": ("Starta en ny riskanalys", "Start a new risk analysis"),
    "risk_analysis.start.button": ("Starta analysen", "Start the analysis"),
    "risk_analysis.start.done": ("Riskanalysen {id} är startad. Välj komponenterna.",
                                 "The risk analysis {id} has started. Choose its components."),
    "risk_analysis.default_scope": (
        "Förbundets IT-infrastruktur: de system i systemregistret som är markerade som infrastruktur.",
        "The association's IT infrastructure: the systems marked as infrastructure in the system register."),
    "risk_analysis.field.title": ("Titel", "Title"),
    "risk_analysis.field.scope": ("Omfattning", "Scope"),
    "risk_analysis.field.participants": ("Deltagare", "Participants"),
    "risk_analysis.field.participants_hint": ("Namn och roll, åtskilda med kommatecken",
                                              "Names and roles, separated by commas"),
    "risk_analysis.field.started_on": ("Analysens datum", "Date of the analysis"),
    "risk_analysis.field.finished_on": ("Avslutad", "Finished"),
    "risk_analysis.about": (
        "**Omfattning:** {scope} · **Deltagare:** {participants} · **Datum:** {started} · "
        "**Skalor:** {scales}",
        "**Scope:** {scope} · **Participants:** {participants} · **Date:** {started} · "
        "**Scales:** {scales}"),
    "risk_analysis.finished": (
        "Analysen avslutades {date}. Nya bedömningar görs i en ny analys.",
        "The analysis was finished on {date}. New assessments are made in a new analysis."),
    "risk_analysis.refused": ("Bedömningen sparades inte:", "The assessment was not saved:"),
    "risk_analysis.refused.sentence": (
        "Skriv risken i alla tre delarna: På grund av …, inträffar … och vilket leder till ….",
        "Write the risk in all three parts: Because of …, happens … and which leads to …."),
    "risk_analysis.refused.levels": ("Välj sannolikhet och konsekvens.",
                                     "Choose a likelihood and a consequence."),
    "risk_analysis.refused.date": (
        "{risk} har en bedömning daterad {newest}, som analysens datum {date} inte är senare än. "
        "Gör bedömningen i en analys med ett senare datum.",
        "{risk} has an assessment dated {newest}, which the analysis's date {date} is not later "
        "than. Make the assessment in an analysis with a later date."),
    "risk_analysis.components.title": ("Komponenter", "Components"),
    "risk_analysis.components.help": (
        "Infrastruktursystemen i systemregistret är förvalda; lägg till andra system som ska ingå.",
        "The infrastructure systems of the system register are preselected; add other systems to include."),
    "risk_analysis.components.field": ("System i analysen", "Systems in the analysis"),
    "risk_analysis.components.infrastructure": ("infrastruktur", "infrastructure"),
    "risk_analysis.components.count": (
        "{components} komponenter × {threats} aktiva hot = {steps} steg.",
        "{components} components × {threats} active threats = {steps} steps."),
    "risk_analysis.components.walk": ("Gå igenom hoten", "Walk the threats"),
    "risk_analysis.components.change": ("Ändra komponenterna", "Change the components"),
    "risk_analysis.no_threats": (
        "Hotkatalogen har inga aktiva hot. Läs in hotkatalogen på sidan Data först.",
        "The threat catalogue has no active threats. Import the catalogue on the Data page first."),
    "risk_analysis.progress": ("Komponent {component} av {components} · hot {threat} av {threats}",
                               "Component {component} of {components} · threat {threat} of {threats}"),
    "risk_analysis.previous.none": (
        "Komponenten har ingen risk för det här hotet än; en sparad bedömning blir en ny risk.",
        "The component has no risk for this threat yet; a saved assessment becomes a new risk."),
    "risk_analysis.previous.earlier": (
        "Tidigare bedömning av {risk} ({date}): {level} – {title}. Att spara lägger till en ny "
        "bedömning av samma risk.",
        "Previous assessment of {risk} ({date}): {level} – {title}. Saving adds a new assessment "
        "of the same risk."),
    "risk_analysis.previous.this": (
        "{risk} är redan bedömd i den här analysen; att spara ändrar den bedömningen.",
        "{risk} is already assessed in this analysis; saving changes that assessment."),
    "risk_analysis.sentence.title": ("Risken", "The risk"),
    "risk_analysis.field.cause": ("På grund av …", "Because of …"),
    "risk_analysis.field.event": ("inträffar …", "happens …"),
    "risk_analysis.field.consequence_text": ("vilket leder till …", "which leads to …"),
    "risk_analysis.field.risk_title": ("Kort namn på risken", "Short name of the risk"),
    "risk_analysis.field.risk_title_help": (
        "Visas i listor och riskkartor; hela meningen sparas som beskrivning.",
        "Shown in lists and heat maps; the whole sentence is saved as the description."),
    "risk_analysis.field.likelihood": ("Sannolikhet", "Likelihood"),
    "risk_analysis.field.consequence": ("Konsekvens", "Consequence"),
    "risk_analysis.field.residual_likelihood": ("Kvarstående sannolikhet", "Residual likelihood"),
    "risk_analysis.field.residual_consequence": ("Kvarstående konsekvens", "Residual consequence"),
    "risk_analysis.not_rated": ("Ej bedömd", "Not rated"),
    "risk_analysis.not_chosen": ("Ej vald", "Not chosen"),
    "risk_analysis.classification.none": (
        "Systemet är inte informationsklassat.", "The system has no information classification."),
    "risk_analysis.classification.letters": ("K R T S", "C I A T"),
    "risk_analysis.classification.line": ("Informationsklassning: {levels} (klassad {date}).",
                                          "Information classification: {levels} (classified {date})."),
    "risk_analysis.suggestion": (
        "Tillgänglighet T{level} ({level_name}): för ett hot som kan ge avbrott föreslås "
        "konsekvens minst {consequence}.",
        "Availability A{level} ({level_name}): for a threat that can cause an outage, a "
        "consequence of at least {consequence} is suggested."),
    "risk_analysis.suggestion.below": (
        "Vald konsekvens är lägre än förslaget; motivera gärna i beskrivningen.",
        "The chosen consequence is below the suggestion; consider explaining why in the description."),
    "risk_analysis.level.current": ("Risknivå: **{level}**", "Risk level: **{level}**"),
    "risk_analysis.level.residual": ("Kvarstående risk: **{level}**", "Residual risk: **{level}**"),
    "risk_analysis.treatment.title": ("Behandling", "Treatment"),
    "risk_analysis.field.treatment": ("Riskbehandling", "Treatment"),
    "risk_analysis.field.action": ("Åtgärd", "Action"),
    "risk_analysis.field.action_owner": ("Åtgärdsansvarig", "Action owner"),
    "risk_analysis.field.due_date": ("Klart senast", "Due date"),
    "risk_analysis.field.owner": ("Riskägare", "Risk owner"),
    "risk_analysis.field.area": ("Område", "Area"),
    "risk_analysis.field.accepted_by": ("Beslutad av", "Decided by"),
    "risk_analysis.field.acceptance_reason": ("Motivering", "Reason"),
    "risk_analysis.field.accepted_until": ("Accepterad till och med", "Accepted until"),
    "risk_analysis.acceptance.required": (
        "En risk på nivån Hög eller högre kan bara accepteras med beslutsfattare, motivering och "
        "ett datum då acceptansen upphör.",
        "A risk at Hög or above can only be accepted with a decision-maker, a reason and a date "
        "when the acceptance ends."),
    "risk_analysis.acceptance.help": (
        "Ange gärna vem som beslutade, varför och hur länge acceptansen gäller.",
        "Say who decided, why and for how long the acceptance holds."),
    "risk_analysis.save": ("Spara och gå vidare", "Save and continue"),
    "risk_analysis.skip": ("Inte relevant", "Not relevant"),
    "risk_analysis.previous_step": ("Föregående", "Previous"),
    "risk_analysis.next_step": ("Nästa", "Next"),
    "risk_analysis.to_summary": ("Till sammanfattningen", "To the summary"),
    "risk_analysis.back_to_walk": ("Tillbaka till hoten", "Back to the threats"),
    "risk_analysis.saved": ("Bedömningen av {risk} per {date} är sparad.",
                            "The assessment of {risk} as of {date} is saved."),
    "risk_analysis.summary.title": ("Sammanfattning", "Summary"),
    "risk_analysis.summary.none": ("Analysen har inga bedömningar än.",
                                   "The analysis has no assessments yet."),
    "risk_analysis.summary.sentence.one": (
        "{count} risk bedömd – Extremt hög: {extreme}, Hög: {high}, Medelhög: {medium}, Låg: {low}. "
        "Mot föregående bedömning – nya: {new}, högre: {up}, lägre: {down}, oförändrade: {same}.",
        "{count} risk assessed – extremely high: {extreme}, high: {high}, medium: {medium}, low: {low}. "
        "Since the previous assessment – new: {new}, higher: {up}, lower: {down}, unchanged: {same}."),
    "risk_analysis.summary.sentence.other": (
        "{count} risker bedömda – Extremt hög: {extreme}, Hög: {high}, Medelhög: {medium}, Låg: {low}. "
        "Mot föregående bedömning – nya: {new}, högre: {up}, lägre: {down}, oförändrade: {same}.",
        "{count} risks assessed – extremely high: {extreme}, high: {high}, medium: {medium}, low: {low}. "
        "Since the previous assessment – new: {new}, higher: {up}, lower: {down}, unchanged: {same}."),
    "risk_analysis.map.current.title": ("Risker före åtgärder", "Risks before treatment"),
    "risk_analysis.map.current.none": ("Inga risker är bedömda.", "No risks are assessed."),
    "risk_analysis.map.current.sentence.one": (
        "{count} risk bedömd i analysen, varav {high} på nivån Hög eller högre.",
        "{count} risk assessed in the analysis, {high} of them at Hög or above."),
    "risk_analysis.map.current.sentence.other": (
        "{count} risker bedömda i analysen, varav {high} på nivån Hög eller högre.",
        "{count} risks assessed in the analysis, {high} of them at Hög or above."),
    "risk_analysis.map.residual.title": ("Kvarstående risker efter åtgärder", "Residual risks after treatment"),
    "risk_analysis.map.residual.none": ("Ingen kvarstående risk är bedömd.", "No residual risk is rated."),
    "risk_analysis.map.residual.sentence.one": (
        "{count} risk med bedömd kvarstående risk, varav {high} kvar på nivån Hög eller högre.",
        "{count} risk with a rated residual risk, {high} of them still at Hög or above."),
    "risk_analysis.map.residual.sentence.other": (
        "{count} risker med bedömd kvarstående risk, varav {high} kvar på nivån Hög eller högre.",
        "{count} risks with a rated residual risk, {high} of them still at Hög or above."),
    "risk_analysis.column.system": ("System", "System"),
    "risk_analysis.finish.title": ("Avsluta analysen", "Finish the analysis"),
    "risk_analysis.finish.help": (
        "En avslutad analys kan inte få fler bedömningar; den kan lämnas till direktionen som dokument.",
        "A finished analysis takes no more assessments; it can be given to the board as a document."),
    "risk_analysis.finish.button": ("Avsluta analysen", "Finish the analysis"),
    "risk_analysis.finish.done": ("Riskanalysen {id} är avslutad.", "The risk analysis {id} is finished."),
    "risk_analysis.document.title": ("Analysen som dokument", "The analysis as a document"),

    # The document
    "analysis_doc.title": ("Riskanalys: {title}", "Risk analysis: {title}"),
    "analysis_doc.subtitle": ("Riskanalys enligt MSB:s metodstöd · {scope}",
                              "Risk analysis following MSB's method support · {scope}"),
    "analysis_doc.dated.finished": ("Påbörjad {started}, avslutad {finished}",
                                    "Started {started}, finished {finished}"),
    "analysis_doc.dated.running": ("Påbörjad {started}, pågår (utskrift {today})",
                                   "Started {started}, in progress (printed {today})"),
    "analysis_doc.as_of": ("Bedömningarna är daterade {date}.", "The assessments are dated {date}."),
    "analysis_doc.file": ("riskanalys-{id}", "risk-analysis-{id}"),
    "analysis_doc.file.public": ("-offentlig", "-public"),
    "analysis_doc.chapter.scope": ("Omfattning och metod", "Scope and method"),
    "analysis_doc.scope.title": ("Omfattning", "Scope"),
    "analysis_doc.scope.sentence": (
        "{scope} Deltagare: {participants}. Analysen bedömde {components} komponenter mot {threats} hot "
        "ur hotkatalogen.",
        "{scope} Participants: {participants}. The analysis assessed {components} components against "
        "{threats} threats of the catalogue."),
    "analysis_doc.method.title": ("Metod", "Method"),
    "analysis_doc.method.sentence": (
        "Varje komponent gicks igenom mot hoten i hotkatalogen. Varje risk formulerades som "
        "”På grund av … inträffar … vilket leder till …” och bedömdes efter sannolikhet och "
        "konsekvens; risknivån är produkten av dem. {scales}",
        "Each component was walked through the threats of the catalogue. Each risk was written as "
        "\"Because of … happens … which leads to …\" and rated for likelihood and consequence; the "
        "risk level is their product. {scales}"),
    "analysis_doc.likelihood.title": ("Skala för sannolikhet", "Likelihood scale"),
    "analysis_doc.likelihood.sentence": ("Hur ofta händelsen kan väntas inträffa.",
                                         "How often the event can be expected."),
    "analysis_doc.consequence.title": ("Skala för konsekvens", "Consequence scale"),
    "analysis_doc.consequence.sentence": (
        "Hur allvarligt det blir för förbundets tjänster, uppgifter och invånarna.",
        "How serious it is for the association's services, information and citizens."),
    "analysis_doc.scale.level": ("Nivå", "Level"),
    "analysis_doc.scale.name": ("Benämning", "Name"),
    "analysis_doc.scale.definition": ("Definition", "Definition"),
    "analysis_doc.chapter.risks": ("Risker", "Risks"),
    "analysis_doc.headline.assessed": ("Bedömda risker", "Risks assessed"),
    "analysis_doc.per_threat.title": ("Risker per hot", "Risks per threat"),
    "analysis_doc.per_threat.sentence": ("Antal bedömda risker per hot och risknivå.",
                                         "Risks assessed per threat and level."),
    "analysis_doc.no_threat": ("Utan hot", "Without a threat"),
    "analysis_doc.register.title": ("Riskerna i analysen", "The risks of the analysis"),
    "analysis_doc.register.sentence": ("Högsta risknivå först, med behandling, åtgärd och ansvar.",
                                       "Highest level first, with treatment, action and responsibility."),
    "analysis_doc.column.risk_id": ("Riskid", "Risk id"),
    "analysis_doc.column.risk": ("Risk", "Risk"),
    "analysis_doc.column.level": ("Risknivå", "Level"),
    "analysis_doc.column.treatment": ("Behandling", "Treatment"),
    "analysis_doc.column.action": ("Åtgärd", "Action"),
    "analysis_doc.column.owner": ("Åtgärdsansvarig", "Action owner"),
    "analysis_doc.column.due_date": ("Klart senast", "Due date"),
    "analysis_doc.column.threat": ("Hot", "Threat"),
    "analysis_doc.column.count": ("Antal", "Count"),
    "analysis_doc.column.movement": ("Förändring", "Change"),
    "analysis_doc.column.previous": ("Förra bedömningen", "Previous assessment"),
    "analysis_doc.column.now": ("Nu", "Now"),
    "analysis_doc.previous": ("{level} ({date})", "{level} ({date})"),
    "analysis_doc.chapter.change": ("Förändring sedan förra analysen", "Change since the last analysis"),
    "analysis_doc.change.title": ("Riskernas rörelse", "How the risks moved"),
    "analysis_doc.change.none": ("Analysen har inga bedömningar att jämföra.",
                                 "The analysis has no assessments to compare."),
    "analysis_doc.change.sentence": (
        "Jämfört med varje risks föregående bedömning – högre: {up}, lägre: {down}, nya: {new}, "
        "oförändrade: {same}.",
        "Compared with each risk's previous assessment – higher: {up}, lower: {down}, new: {new}, "
        "unchanged: {same}."),
    "analysis_doc.moved.title": ("Risk för risk", "Risk by risk"),
    "analysis_doc.moved.sentence": ("Höjda risker först, sedan nya, sänkta och oförändrade.",
                                    "Raised risks first, then new, lowered and unchanged ones."),
    "analysis_doc.move.up": ("Högre", "Higher"),
    "analysis_doc.move.down": ("Lägre", "Lower"),
    "analysis_doc.move.new": ("Ny", "New"),
    "analysis_doc.move.same": ("Oförändrad", "Unchanged"),
    "analysis_doc.area.assessed": ("Bedömda risker", "Risks assessed"),
    "analysis_doc.area.assessed.label": ("risker", "risks"),
    "analysis_doc.area.assessed.sentence": ("Varav nya risker: {new}.", "New risks among them: {new}."),
    "analysis_doc.area.high": ("Hög eller extremt hög", "High or extremely high"),
    "analysis_doc.area.high.label": ("före åtgärder", "before treatment"),
    "analysis_doc.area.high.sentence": (
        "Mot föregående bedömning – högre: {up}, lägre: {down}.",
        "Since the previous assessment – higher: {up}, lower: {down}."),
    "analysis_doc.area.high_after": ("Hög eller extremt hög kvar", "High or extremely high left"),
    "analysis_doc.area.high_after.label": ("efter åtgärder", "after treatment"),
    "analysis_doc.area.high_after.sentence": ("Risker med bedömd kvarstående risk: {rated}.",
                                              "Risks with a rated residual risk: {rated}."),
    "analysis_doc.area.accepted": ("Accepterade höga risker", "High risks accepted"),
    "analysis_doc.area.accepted.label": ("för beslut", "for decision"),
    "analysis_doc.area.accepted.sentence": (
        "Risker på nivån Hög eller högre som föreslås accepteras utan ytterligare åtgärder.",
        "Risks at Hög or above proposed to be accepted without further action."),
    "analysis_doc.decision.approve": ("godkänna riskanalysen {title}",
                                      "approve the risk analysis {title}"),
    "analysis_doc.decision.accept": ("acceptera risken {risk} på nivån {level} till och med {until}",
                                     "accept the risk {risk} at {level} until {until}"),
    "analysis_doc.decision.accept_background": ("Beslutad av {by}. Motivering: {reason}",
                                                "Decided by {by}. Reason: {reason}"),
    "analysis_doc.decision.accept_count.one": (
        "acceptera {count} risk på nivån Hög eller högre, enligt den interna versionen",
        "accept {count} risk at Hög or above, as listed in the internal version"),
    "analysis_doc.decision.accept_count.other": (
        "acceptera {count} risker på nivån Hög eller högre, enligt den interna versionen",
        "accept {count} risks at Hög or above, as listed in the internal version"),
}
