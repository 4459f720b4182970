"""Texts of the findings for the board's attention (Att uppmärksamma): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "attention.title": ("Att uppmärksamma", "For the board's attention"),
    "attention.intro": ("Det som behöver direktionens uppmärksamhet, viktigast först. "
                        "Länken leder till sidan med detaljerna.",
                        "What needs the board's attention, most important first. "
                        "The link leads to the page with the details."),
    "attention.intro_municipality": ("Det som behöver direktionens uppmärksamhet, viktigast först. "
                                     "System, incidenter och tillgänglighet gäller {municipality}; "
                                     "risker, rekommendationer och styrdokument hela förbundet.",
                                     "What needs the board's attention, most important first. "
                                     "Systems, incidents and availability concern {municipality}; "
                                     "risks, recommendations and governing documents the whole "
                                     "association."),
    "attention.headline.act": ("{count} att åtgärda ({topics})", "{count} to act on ({topics})"),
    "attention.headline.watch": ("{count} att bevaka", "{count} to watch"),
    "attention.headline.watch_topics": ("{count} att bevaka ({topics})", "{count} to watch ({topics})"),
    "attention.nothing": ("Inget kräver direktionens särskilda uppmärksamhet för {year}.",
                          "Nothing needs the board's particular attention for {year}."),
    "attention.more_findings.one": ("och {count} till", "and {count} more"),
    "attention.more_findings.other": ("och {count} till", "and {count} more"),
    "attention.more_items": ("{count} till", "{count} more"),
    "attention.severity.act": ("Åtgärda: en hög risk som ingen åtgärdar, en missad tidsgräns i "
                               "lagen eller en rekommendation från revisionen som inte genomförts.",
                               "Act: a high risk nobody acts on, a legal deadline missed, or an "
                               "audit recommendation not carried out."),
    "attention.severity.watch": ("Bevaka: skydd som är försenat eller saknas för viktiga system, "
                                 "eller översyner som släpar efter.",
                                 "Watch: protection that is late or missing for important systems, "
                                 "or reviews that have fallen behind."),
    "attention.sentence": ("{summary}: {items}.", "{summary}: {items}."),
    "attention.summary": ("{summary}.", "{summary}."),

    "attention.risk_register_empty": ("Riskregistret har inga bedömda risker: förbundet saknar den "
                                      "löpande riskanalys som revisionen efterfrågade.",
                                      "The risk register holds no assessed risks: the association "
                                      "lacks the continuously updated risk analysis the auditors "
                                      "asked for."),

    # What each rule is about, in a few words, for the line at the top of the overview.
    "attention.topic.risk_register_empty": ("ingen riskanalys", "no risk analysis"),
    "attention.topic.risks_without_action_owner": ("höga risker utan åtgärdsansvarig",
                                                   "high risks without an action owner"),
    "attention.topic.incidents_reported_late": ("sen incidentrapportering", "late incident reporting"),
    "attention.topic.recommendations_behind": ("revisionens rekommendationer",
                                               "the audit recommendations"),
    "attention.topic.critical_systems_unclassified": ("klassning av kritiska system",
                                                      "classification of critical systems"),
    "attention.topic.risk_actions_overdue": ("försenade riskåtgärder", "overdue risk actions"),
    "attention.topic.continuity_plans_missing": ("kontinuitetsplaner", "continuity plans"),
    "attention.topic.systems_below_availability_target": ("tillgänglighet", "availability"),
    "attention.topic.documents_overdue": ("översyn av styrdokument", "review of governing documents"),
    "attention.topic.risks_review_overdue": ("ny bedömning av risker", "re-assessment of risks"),
    "attention.topic.risks_flagged_by_incidents": ("risker som berörs av nya incidenter",
                                                   "risks affected by new incidents"),
    "attention.topic.risk_acceptances_expired": ("acceptanser av risker som löpt ut",
                                                 "risk acceptances that have run out"),

    # One counted phrase per rule; the sentence adds the things it is about.
    "attention.risks_without_action_owner.one": ("{count} hög risk saknar åtgärdsansvarig",
                                                 "{count} high risk has no action owner"),
    "attention.risks_without_action_owner.other": ("{count} höga risker saknar åtgärdsansvarig",
                                                   "{count} high risks have no action owner"),
    "attention.incidents_reported_late.one": ("{count} rapporteringspliktig incident rapporterades "
                                              "för sent eller inte alls",
                                              "{count} reportable incident was reported late or not "
                                              "at all"),
    "attention.incidents_reported_late.other": ("{count} rapporteringspliktiga incidenter "
                                                "rapporterades för sent eller inte alls",
                                                "{count} reportable incidents were reported late or "
                                                "not at all"),
    "attention.incident.not_reported": ("(inte rapporterad)", "(not reported)"),
    "attention.incident.late": ("(rapporterad efter {hours} timmar, gränsen är {deadline})",
                                "(reported after {hours} hours, the limit is {deadline})"),
    "attention.recommendations_behind.one": ("{count} av revisionens rekommendationer är försenad "
                                             "eller bedömd som inte genomförd",
                                             "{count} of the auditors' recommendations is overdue or "
                                             "assessed as not implemented"),
    "attention.recommendations_behind.other": ("{count} av revisionens rekommendationer är försenade "
                                               "eller bedömda som inte genomförda",
                                               "{count} of the auditors' recommendations are overdue "
                                               "or assessed as not implemented"),
    "attention.critical_systems_unclassified.one": ("{count} kritiskt system (SLA Guld eller "
                                                    "infrastruktur) saknar aktuell "
                                                    "informationsklassning",
                                                    "{count} critical system (SLA Gold or "
                                                    "infrastructure) lacks a current information "
                                                    "classification"),
    "attention.critical_systems_unclassified.other": ("{count} kritiska system (SLA Guld eller "
                                                      "infrastruktur) saknar aktuell "
                                                      "informationsklassning",
                                                      "{count} critical systems (SLA Gold or "
                                                      "infrastructure) lack a current information "
                                                      "classification"),
    "attention.risk_actions_overdue.one": ("{count} riskåtgärd är försenad",
                                           "{count} risk action is overdue"),
    "attention.risk_actions_overdue.other": ("{count} riskåtgärder är försenade",
                                             "{count} risk actions are overdue"),
    "attention.continuity_plans_missing.one": ("{count} system med höga krav på tillgänglighet "
                                               "(T3–T4) saknar kontinuitetsplan",
                                               "{count} system with high availability needs "
                                               "(T3–T4) lacks a continuity plan"),
    "attention.continuity_plans_missing.other": ("{count} system med höga krav på tillgänglighet "
                                                 "(T3–T4) saknar kontinuitetsplan",
                                                 "{count} systems with high availability needs "
                                                 "(T3–T4) lack a continuity plan"),
    "attention.systems_below_availability_target.one": ("{count} system låg under sitt "
                                                        "tillgänglighetsmål i minst {months} "
                                                        "månader",
                                                        "{count} system was below its availability "
                                                        "target in {months} months or more"),
    "attention.systems_below_availability_target.other": ("{count} system låg under sitt "
                                                          "tillgänglighetsmål i minst {months} "
                                                          "månader",
                                                          "{count} systems were below their "
                                                          "availability target in {months} months "
                                                          "or more"),
    "attention.sla.system": ("{name} ({months} månader)", "{name} ({months} months)"),
    "attention.documents_overdue.one": ("{count} styrdokument har passerat sin tid för översyn",
                                        "{count} governing document is past its review date"),
    "attention.documents_overdue.other": ("{count} styrdokument har passerat sin tid för översyn",
                                          "{count} governing documents are past their review date"),
    "attention.risks_review_overdue.one": ("{count} aktiv risk har passerat sitt datum för ny "
                                           "bedömning",
                                           "{count} active risk is past its date for re-assessment"),
    "attention.risks_review_overdue.other": ("{count} aktiva risker har passerat sitt datum för ny "
                                             "bedömning",
                                             "{count} active risks are past their date for "
                                             "re-assessment"),
    "attention.risks_flagged_by_incidents.one": ("{count} aktiv risk berörs av allvarliga incidenter "
                                                 "efter sin senaste bedömning och bör bedömas om",
                                                 "{count} active risk is affected by serious "
                                                 "incidents after its latest assessment and should "
                                                 "be re-assessed"),
    "attention.risks_flagged_by_incidents.other": ("{count} aktiva risker berörs av allvarliga "
                                                   "incidenter efter sin senaste bedömning och bör "
                                                   "bedömas om",
                                                   "{count} active risks are affected by serious "
                                                   "incidents after their latest assessment and "
                                                   "should be re-assessed"),
    "attention.risk_acceptances_expired.one": ("{count} accepterad hög risk bärs på en acceptans som "
                                               "har löpt ut",
                                               "{count} accepted high risk is borne on an acceptance "
                                               "that has run out"),
    "attention.risk_acceptances_expired.other": ("{count} accepterade höga risker bärs på acceptanser "
                                                 "som har löpt ut",
                                                 "{count} accepted high risks are borne on acceptances "
                                                 "that have run out"),
}
