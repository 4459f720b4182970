"""Texts of lagesbild.areas.contradictions: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "contradictions.accepted_with_open_action.one": (
        "Uppgifterna säger emot varandra: risken {ids} är accepterad (behandling Acceptera) men "
        "har en åtgärd som inte är klar. Ändra behandlingen eller åtgärdsstatusen i registret.",
        "The data contradicts itself: risk {ids} is accepted (treatment Accept) but has an "
        "action that is not done. Change the treatment or the action status in the register."),
    "contradictions.accepted_with_open_action.other": (
        "Uppgifterna säger emot varandra: de {count} riskerna {ids} är accepterade (behandling "
        "Acceptera) men har åtgärder som inte är klara. Ändra behandlingen eller "
        "åtgärdsstatusen i registret.",
        "The data contradicts itself: the {count} risks {ids} are accepted (treatment Accept) "
        "but have actions that are not done. Change the treatment or the action status in the "
        "register."),
    "contradictions.in_force_without_decision.one": (
        "Uppgifterna säger emot varandra: dokumentet {ids} är markerat som gällande men har "
        "inget beslutsdatum. Ange när det beslutades, eller ändra status.",
        "The data contradicts itself: document {ids} is marked as in force but has no decision "
        "date. Give the date it was decided, or change its status."),
    "contradictions.in_force_without_decision.other": (
        "Uppgifterna säger emot varandra: de {count} dokumenten {ids} är markerade som gällande "
        "men har inget beslutsdatum. Ange när de beslutades, eller ändra status.",
        "The data contradicts itself: the {count} documents {ids} are marked as in force but "
        "have no decision date. Give the dates they were decided, or change their status."),
}
