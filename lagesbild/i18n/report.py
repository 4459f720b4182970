"""Texts of the yearly report and its slides: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "report.title": ("Informationssäkerhet och IT-säkerhet {year}",
                     "Information and IT security {year}"),
    "report.subtitle": ("Årlig uppföljning till förbundsdirektionen · {scope}",
                        "Yearly follow-up for the board · {scope}"),
    "report.marking.internal": (
        "INTERN – innehåller uppgifter om enskilda incidenter, risker och system. "
        "Pröva sekretess innan handlingen lämnas ut.",
        "INTERNAL – contains details of individual incidents, risks and systems. "
        "Review confidentiality before release."),
    "report.marking.public": (
        "Offentlig version – endast sammanställda uppgifter, inga enskilda incidenter eller "
        "sårbara system.",
        "Public version – aggregates only, no individual incidents or vulnerable systems."),
    "report.dated": ("Daterad {date}", "Dated {date}"),
    "report.frozen": ("Fastställd {date} av {who} (version {version})",
                      "Frozen {date} by {who} (version {version})"),
    "report.compared_with_frozen": (
        "Jämförelserna med {year} bygger på den fastställda lägesbilden för {year} "
        "(fastställd {date}).",
        "Comparisons with {year} use the frozen figures for {year} (frozen {date})."),
    "report.summary": ("Sammanfattning", "Summary"),
    "report.decisions": ("Förslag till beslut", "Proposed decisions"),
    "report.decisions_intro": ("Förbundsdirektionen föreslås besluta att",
                               "The board is proposed to decide to"),
    "report.page": ("Sida {page} av {pages}", "Page {page} of {pages}"),
    "report.table_shortened": (
        "Tabellen visar de {shown} första av {total} raderna; hela listan finns på sidan {page} "
        "i Lägesbild.",
        "The table shows the first {shown} of {total} rows; the whole list is on the {page} page "
        "in Lägesbild."),
    "report.contents": ("Innehåll", "Contents"),
    "report.background": ("Bakgrund", "Background"),
    "report.risks.heat_maps": ("Riskkartor före och efter åtgärder",
                               "Risk maps before and after treatment"),
    "report.risks.heat_maps_sentence": (
        "Den första kartan visar riskerna som de bedöms i dag, den andra när de beslutade "
        "åtgärderna är genomförda.",
        "The first map shows the risks as assessed today, the second once the decided actions "
        "are carried out."),
    "report.slide.summary": ("Läget i korthet", "The year at a glance"),
    "report.slide.area": ("{area}: {value} ({label})", "{area}: {value} ({label})"),
    "report.slide.area_no_data": ("{area}: inga uppgifter", "{area}: no data"),
    "report.slide.incidents_by_category": ("Vilka slags incidenter", "What kinds of incidents"),
    "report.slide.incidents_reporting": ("Rapportering till myndighet", "Reporting to authorities"),
    # Förslag till beslut: one per finding of lagesbild.areas.attention, by its rule.
    "report.decision.approve": (
        "godkänna den årliga uppföljningen av informations- och IT-säkerhetsarbetet {year}",
        "approve the yearly follow-up of information and IT security work for {year}"),
    "report.decision.risk_register_empty.one": (
        "uppdra åt förbundschefen att ta fram en riskanalys för it-infrastrukturen och "
        "informationssäkerheten",
        "instruct the director to produce a risk analysis of the IT infrastructure and "
        "information security"),
    "report.decision.risk_register_empty.other": (
        "uppdra åt förbundschefen att ta fram en riskanalys för it-infrastrukturen och "
        "informationssäkerheten",
        "instruct the director to produce a risk analysis of the IT infrastructure and "
        "information security"),
    "report.decision.risks_without_action_owner.one": (
        "uppdra åt förbundschefen att utse en åtgärdsansvarig för den höga risk som saknar det",
        "instruct the director to appoint an action owner for the high risk that lacks one"),
    "report.decision.risks_without_action_owner.other": (
        "uppdra åt förbundschefen att utse åtgärdsansvariga för de {count} höga risker som "
        "saknar det",
        "instruct the director to appoint action owners for the {count} high risks that lack one"),
    "report.decision.risk_actions_overdue.one": (
        "uppdra åt förbundschefen att redovisa en ny tidplan för den försenade riskåtgärden",
        "instruct the director to present a new schedule for the overdue risk action"),
    "report.decision.risk_actions_overdue.other": (
        "uppdra åt förbundschefen att redovisa nya tidplaner för de {count} försenade "
        "riskåtgärderna",
        "instruct the director to present new schedules for the {count} overdue risk actions"),
    "report.decision.recommendations_behind.one": (
        "uppdra åt förbundschefen att till nästa sammanträde redovisa hur revisionens "
        "försenade rekommendation ska genomföras",
        "instruct the director to report at the next meeting how the auditors' overdue "
        "recommendation will be carried out"),
    "report.decision.recommendations_behind.other": (
        "uppdra åt förbundschefen att till nästa sammanträde redovisa hur revisionens {count} "
        "försenade rekommendationer ska genomföras",
        "instruct the director to report at the next meeting how the auditors' {count} overdue "
        "recommendations will be carried out"),
    "report.decision.critical_systems_unclassified.one": (
        "uppdra åt förbundschefen att informationsklassa det kritiska system som saknar "
        "aktuell klassning",
        "instruct the director to classify the critical system that lacks a current "
        "classification"),
    "report.decision.critical_systems_unclassified.other": (
        "uppdra åt förbundschefen att informationsklassa de {count} kritiska system som saknar "
        "aktuell klassning",
        "instruct the director to classify the {count} critical systems that lack a current "
        "classification"),
    "report.decision.continuity_plans_missing.one": (
        "uppdra åt förbundschefen att ta fram en kontinuitetsplan för det system med höga "
        "tillgänglighetskrav som saknar en",
        "instruct the director to produce a continuity plan for the system with high "
        "availability needs that lacks one"),
    "report.decision.continuity_plans_missing.other": (
        "uppdra åt förbundschefen att ta fram kontinuitetsplaner för de {count} system med höga "
        "tillgänglighetskrav som saknar en",
        "instruct the director to produce continuity plans for the {count} systems with high "
        "availability needs that lack one"),
    "report.decision.incidents_reported_late.one": (
        "uppdra åt förbundschefen att se över rutinen för att rapportera incidenter till "
        "myndighet i tid (en rapport kom för sent eller inte alls)",
        "instruct the director to review the routine for reporting incidents to authorities in "
        "time (one report was late or missing)"),
    "report.decision.incidents_reported_late.other": (
        "uppdra åt förbundschefen att se över rutinen för att rapportera incidenter till "
        "myndighet i tid ({count} rapporter kom för sent eller inte alls)",
        "instruct the director to review the routine for reporting incidents to authorities in "
        "time ({count} reports were late or missing)"),
    "report.decision.systems_below_availability_target.one": (
        "uppdra åt förbundschefen att redovisa åtgärder för det system som upprepade gånger "
        "inte nått sitt tillgänglighetsmål",
        "instruct the director to present actions for the system that repeatedly missed its "
        "availability target"),
    "report.decision.systems_below_availability_target.other": (
        "uppdra åt förbundschefen att redovisa åtgärder för de {count} system som upprepade "
        "gånger inte nått sitt tillgänglighetsmål",
        "instruct the director to present actions for the {count} systems that repeatedly "
        "missed their availability target"),
    "report.decision.documents_overdue.one": (
        "uppdra åt förbundschefen att se över det styrdokument vars översyn har passerat",
        "instruct the director to review the governing document whose review is overdue"),
    "report.decision.documents_overdue.other": (
        "uppdra åt förbundschefen att se över de {count} styrdokument vars översyn har passerat",
        "instruct the director to review the {count} governing documents whose review is overdue"),
    # The PDF and Word documents.
    "report.doc.area": ("Område", "Area"),
    "report.doc.figure": ("Nyckeltal", "Key figure"),
    "report.doc.value": ("Värde", "Value"),
    "report.doc.change": ("Förändring", "Change"),
    "report.doc.status": ("Status", "Status"),
    "report.doc.assessment": ("Bedömning", "Assessment"),
    # The risk method's findings (lagesbild/areas/attention.py, lagesbild/rules/risk_review.py).
    "report.decision.risks_review_overdue.one": (
        "uppdra åt förbundschefen att bedöma om den risk som passerat sitt datum för ny bedömning",
        "instruct the director to re-assess the risk that is past its date for re-assessment"),
    "report.decision.risks_review_overdue.other": (
        "uppdra åt förbundschefen att bedöma om de {count} risker som passerat sitt datum för ny "
        "bedömning",
        "instruct the director to re-assess the {count} risks that are past their date for "
        "re-assessment"),
    "report.decision.risks_flagged_by_incidents.one": (
        "uppdra åt förbundschefen att bedöma om den risk som berörs av nya allvarliga incidenter",
        "instruct the director to re-assess the risk affected by new serious incidents"),
    "report.decision.risks_flagged_by_incidents.other": (
        "uppdra åt förbundschefen att bedöma om de {count} risker som berörs av nya allvarliga "
        "incidenter",
        "instruct the director to re-assess the {count} risks affected by new serious incidents"),
    "report.decision.risk_acceptances_expired.one": (
        "besluta på nytt om den accepterade risk vars acceptans har löpt ut: förnya acceptansen "
        "med motivering och slutdatum, eller uppdra åt förbundschefen att åtgärda risken",
        "decide anew on the accepted risk whose acceptance has run out: renew the acceptance with a "
        "reason and an end date, or instruct the director to treat the risk"),
    "report.decision.risk_acceptances_expired.other": (
        "besluta på nytt om de {count} accepterade risker vars acceptans har löpt ut: förnya "
        "acceptanserna med motivering och slutdatum, eller uppdra åt förbundschefen att åtgärda "
        "riskerna",
        "decide anew on the {count} accepted risks whose acceptances have run out: renew the "
        "acceptances with a reason and an end date, or instruct the director to treat the risks"),
}
