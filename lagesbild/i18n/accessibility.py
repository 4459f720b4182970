"""Texts of the accessibility statement (tillgänglighetsredogörelse), the page anyone may
read about how accessible Lägesbild and its reports are: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "nav.statement": ("Tillgänglighetsredogörelse", "Accessibility statement"),
    "nav.section.about": ("Om tjänsten", "About"),
    "statement.intro": (
        "Västra Mälardalens kommunalförbund står bakom Lägesbild och vill att så många som "
        "möjligt ska kunna använda tjänsten och läsa de rapporter den ger förbundsdirektionen. "
        "Här beskriver vi hur Lägesbild och rapporterna uppfyller lagen (2018:1937) om "
        "tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
        "kan rapportera problem, så att vi kan åtgärda dem.",
        "Västra Mälardalens kommunalförbund is responsible for Lägesbild and wants as many people "
        "as possible to be able to use it and read the reports it gives the board. This statement "
        "describes how Lägesbild and its reports meet the Swedish act on accessibility of digital "
        "public services (2018:1937), the shortcomings we know of, and how to report a problem so "
        "that we can fix it."),
    "statement.status.title": ("Hur tillgänglig är tjänsten?", "How accessible is the service?"),
    "statement.status": (
        "Lägesbild uppfyller delvis lagen om tillgänglighet till digital offentlig service. "
        "Kraven är de i EN 301 549, det vill säga WCAG 2.1 på nivå AA. Bristerna nedan beror på "
        "ramverket som sidorna byggs med, inte på innehållet.",
        "Lägesbild partially meets the act. The requirements are those of EN 301 549, that is "
        "WCAG 2.1 level AA. The shortcomings below come from the framework the pages are built "
        "with, not from their content."),
    "statement.met.title": ("Det här uppfyller vi", "What we meet"),
    "statement.met.reports": (
        "Årsrapporten och riskanalyserna som PDF är taggade och uppfyller PDF/UA-1 och PDF/A-2a i "
        "samma fil: rubriker, stycken, tabeller med rubrikceller som upprepas på varje sida, "
        "numrerade beslut, dokumentets språk och titel. Varje diagram och riskkarta har sin "
        "mening som alternativtext. Sidhuvud och sidfot är markerade som utfyllnad, och "
        "märkningen (intern eller offentlig) står på varje sida med god kontrast.",
        "The yearly report and the risk analyses as PDF are tagged and meet PDF/UA-1 and PDF/A-2a "
        "in one file: headings, paragraphs, tables with header cells repeated on every page, "
        "numbered decisions, the document's language and title. Every chart and heat map has its "
        "sentence as alternative text. Page headers and footers are marked as artifacts, and the "
        "marking (internal or public) stands on every page with good contrast."),
    "statement.met.office": (
        "Word och PowerPoint har rapportens språk (svenska, eller brittisk engelska när rapporten "
        "tas fram på engelska), dokumenttitel, riktiga rubriker på varje bild, diagrammens "
        "mening som alternativtext och tabeller med markerade rubrikrader.",
        "Word and PowerPoint carry the report's language (Swedish, or British English when the "
        "report is made in English), the document title, a real title on every slide, each chart's "
        "sentence as alternative text, and tables with marked header rows."),
    "statement.met.pages": (
        "Sidorna anger sitt språk, har egna sidtitlar och en huvudrubrik var. Text och diagram "
        "har tillräcklig kontrast, status och förseningar sägs i ord och inte bara med färg, "
        "och reglerna bakom statusorden står utskrivna. Varje diagram har en mening som säger "
        "vad det visar, och siffrorna finns också som tabell. Sidorna prövas automatiskt med "
        "axe-core mot WCAG 2.1 AA.",
        "The pages state their language, have their own titles and one main heading each. Text "
        "and charts have enough contrast, statuses and delays are said in words, not by colour "
        "alone, and the rules behind the status words are written out. Every chart has a "
        "sentence saying what it shows, and its figures are also in a table. The pages are "
        "checked automatically with axe-core against WCAG 2.1 AA."),
    "statement.unmet.title": ("Det här uppfyller vi inte", "What we do not meet"),
    "statement.unmet.menu": (
        "Menyn i sidopanelen ritas av ramverket Streamlit. Dess avsnitt är uppmärkta som en lista "
        "med andra element än listpunkter i sig, vilket kan göra att en skärmläsare räknar "
        "menypunkterna fel (WCAG 1.3.1). Vi kan inte ändra den koden.",
        "The sidebar menu is drawn by the Streamlit framework. Its sections are marked up as a "
        "list holding elements other than list items, which can make a screen reader count the "
        "menu entries wrongly (WCAG 1.3.1). We cannot change that code."),
    "statement.unmet.tables": (
        "Breda tabeller som ramverket ritar som en statisk tabell hamnar i ett rullbart område "
        "som inte kan nås med tangentbordet (WCAG 2.1.1). Samma innehåll finns i rapporten och "
        "som CSV.",
        "Wide tables the framework draws as a static table sit in a scrolling area the keyboard "
        "cannot reach (WCAG 2.1.1). The same content is in the report and as CSV."),
    "statement.unmet.charts": (
        "De interaktiva diagrammen (Plotly) går inte att utforska punkt för punkt med "
        "skärmläsare eller tangentbord. Meningen ovanför varje diagram och tabellen med samma "
        "siffror ger samma innehåll.",
        "The interactive charts (Plotly) cannot be explored point by point with a screen reader "
        "or the keyboard. The sentence above each chart and the table with the same figures give "
        "the same content."),
    "statement.unmet.checks": (
        "De automatiska kontrollerna täcker inte allt: PDF-kontrollen prövar den del av "
        "PDF/UA-1 som en maskin kan pröva, och sidorna har ännu inte prövats av användare med "
        "skärmläsare.",
        "The automatic checks do not cover everything: the PDF check covers the part of "
        "PDF/UA-1 a machine can check, and the pages have not yet been tried by screen reader "
        "users."),
    "statement.report.title": ("Rapportera brister", "Report a problem"),
    "statement.report": (
        "Upplever du hinder i Lägesbild eller i en rapport, eller behöver du en rapport i ett "
        "annat format? Kontakta kommunalförbundet via registrator (adressen står på förbundets "
        "webbplats) och skriv ”Lägesbild – tillgänglighet” i ämnesraden. Berätta vilken sida "
        "eller vilket dokument det gäller och vad som inte fungerar.",
        "Do you meet a barrier in Lägesbild or in a report, or need a report in another format? "
        "Contact the association's registry (the address is on the association's website) with "
        "“Lägesbild – accessibility” as the subject. Tell us which page or document it concerns "
        "and what does not work."),
    "statement.supervision": (
        "Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen av lagen. Är du inte "
        "nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
        "The Agency for Digital Government (Digg) supervises the act. If you are not satisfied "
        "with how we handle your comments, you can contact Digg."),
    "statement.assessed.title": ("Hur vi har bedömt tjänsten", "How we assessed the service"),
    "statement.assessed": (
        "Bedömningen gjordes i december 2026 av förbundet självt, med automatiska tester som "
        "körs vid varje ändring: axe-core på varje sida, på svenska och engelska, och pdfua, "
        "pikepdf, python-docx och python-pptx på rapportens filer.",
        "The assessment was made in December 2026 by the association itself, with automatic "
        "tests run at every change: axe-core on every page, in Swedish and English, and pdfua, "
        "pikepdf, python-docx and python-pptx on the report's files."),
}
