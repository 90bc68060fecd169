/*
 * The docx writer's styles (word/styles.xml): named paragraph, character
 * and table styles for every part of a contract, so that a lawyer editing
 * the document in Word or LibreOffice changes a style, not each place.
 * Fonts are Liberation Serif and Sans (metric-compatible with Times New
 * Roman and Arial, on every Debian system); headings keep with the next
 * paragraph, and widow and orphan control is on throughout.  The default
 * language is the first rendering's locale; every run says its own.
 */
#include "config.h"

#include <string.h>

#include "docx.h"

#define SERIF "Liberation Serif"
#define SANS "<w:rFonts w:ascii=\"Liberation Sans\" " \
	     "w:hAnsi=\"Liberation Sans\" w:cs=\"Liberation Sans\"/>"
#define NUMBER_TAB "<w:tabs><w:tab w:val=\"left\" w:pos=\"709\"/></w:tabs>"
#define HANGING "<w:ind w:left=\"709\" w:hanging=\"709\"/>"
#define TIGHT "<w:spacing w:before=\"0\" w:after=\"0\"/>"

struct style {
	char type;        /* 'p'aragraph, 'c'haracter, 't'able */
	const char *id;
	const char *name; /* Word's own name for its built-in styles */
	const char *based;
	const char *ppr;  /* pPr children, in schema order */
	const char *rpr;  /* rPr children, in schema order */
	const char *tblpr; /* table styles: tblPr children */
};

static const struct style styles[] = {
	/* Normal is written by put_normal() */
	{ 'p', "ContractTitle", "Contract Title", "Normal",
	  "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" "
	  "w:after=\"120\"/><w:jc w:val=\"center\"/>",
	  SANS "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
	  NULL },
	{ 'p', "ContractSubtitle", "Contract Subtitle", "Normal",
	  "<w:keepNext/><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>",
	  NULL, NULL },
	{ 'p', "Cover", "Cover", "Normal",
	  "<w:spacing w:before=\"240\" w:after=\"240\"/>"
	  "<w:jc w:val=\"center\"/>", NULL, NULL },
	{ 'p', "Heading1", "heading 1", "Normal",
	  "<w:keepNext/><w:keepLines/>" NUMBER_TAB
	  "<w:spacing w:before=\"360\" w:after=\"120\"/>" HANGING
	  "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>",
	  SANS "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
	  NULL },
	{ 'p', "Heading2", "heading 2", "Heading1",
	  "<w:spacing w:before=\"240\" w:after=\"120\"/>"
	  "<w:outlineLvl w:val=\"1\"/>",
	  "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>", NULL },
	{ 'p', "Heading3", "heading 3", "Heading2",
	  "<w:outlineLvl w:val=\"2\"/>",
	  "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>", NULL },
	{ 'p', "Heading4", "heading 4", "Heading3",
	  "<w:outlineLvl w:val=\"3\"/>", "<w:i/><w:iCs/>", NULL },
	{ 'p', "AnnexHeading", "Annex Heading", "Heading1",
	  "<w:ind w:left=\"0\" w:firstLine=\"0\"/>", NULL, NULL },
	{ 'p', "LanguageHeader", "Language Column Header", "Normal",
	  "<w:keepNext/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" "
	  "w:space=\"1\" w:color=\"auto\"/></w:pBdr>"
	  "<w:spacing w:before=\"0\" w:after=\"120\"/><w:jc w:val=\"left\"/>",
	  SANS "<w:b/><w:bCs/>", NULL },
	{ 'p', "ClauseHeading", "Clause Heading", "Normal",
	  "<w:keepNext/><w:keepLines/>" NUMBER_TAB
	  "<w:spacing w:before=\"200\" w:after=\"80\"/>" HANGING
	  "<w:jc w:val=\"left\"/>", "<w:b/><w:bCs/>", NULL },
	{ 'p', "ClauseText", "Clause Text", "Normal",
	  NUMBER_TAB HANGING, NULL, NULL },
	{ 'p', "ClauseBody", "Clause Body", "Normal",
	  "<w:ind w:left=\"709\"/>", NULL, NULL },
	{ 'p', "BodyText", "Body Text", "Normal", NULL, NULL, NULL },
	{ 'p', "Recital", "Recital", "Normal", NUMBER_TAB HANGING, NULL,
	  NULL },
	{ 'p', "ListItem1", "List Item 1", "Normal",
	  "<w:tabs><w:tab w:val=\"left\" w:pos=\"1276\"/></w:tabs>"
	  "<w:spacing w:after=\"60\"/><w:ind w:left=\"1276\" "
	  "w:hanging=\"567\"/>", NULL, NULL },
	{ 'p', "ListItem2", "List Item 2", "ListItem1",
	  "<w:tabs><w:tab w:val=\"left\" w:pos=\"1843\"/></w:tabs>"
	  "<w:ind w:left=\"1843\" w:hanging=\"567\"/>", NULL, NULL },
	{ 'p', "ListItem3", "List Item 3", "ListItem1",
	  "<w:tabs><w:tab w:val=\"left\" w:pos=\"2410\"/></w:tabs>"
	  "<w:ind w:left=\"2410\" w:hanging=\"567\"/>", NULL, NULL },
	{ 'p', "PartyRole", "Party Role", "Normal",
	  "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/>"
	  "<w:jc w:val=\"left\"/>", "<w:b/><w:bCs/>", NULL },
	{ 'p', "PartyField", "Party Field", "Normal",
	  "<w:keepNext/>" TIGHT "<w:ind w:left=\"567\"/><w:jc w:val=\"left\"/>",
	  NULL, NULL },
	{ 'p', "GlossaryEntry", "Glossary Entry", "Normal", NULL, NULL, NULL },
	{ 'p', "TableText", "Table Text", "Normal",
	  TIGHT "<w:jc w:val=\"left\"/>", NULL, NULL },
	{ 'p', "TableHeading", "Table Heading", "TableText", "<w:keepNext/>",
	  "<w:b/><w:bCs/>", NULL },
	{ 'p', "TableEnd", "Table End", "Normal",
	  "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" "
	  "w:lineRule=\"exact\"/>", NULL, NULL },
	{ 'p', "SignatureParty", "Signature Party", "Normal",
	  "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/>"
	  "<w:jc w:val=\"left\"/>", "<w:b/><w:bCs/>", NULL },
	{ 'p', "SignatureText", "Signature Text", "Normal",
	  "<w:keepNext/>" TIGHT "<w:jc w:val=\"left\"/>", NULL, NULL },
	{ 'p', "SignatureLine", "Signature Line", "SignatureText",
	  "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
	  "w:color=\"auto\"/></w:pBdr><w:spacing w:before=\"720\" "
	  "w:after=\"0\"/><w:ind w:right=\"567\"/>", NULL, NULL },
	{ 'p', "SignatureLabel", "Signature Label", "SignatureText",
	  "<w:spacing w:after=\"120\"/>",
	  "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", NULL },
	{ 'p', "FootnoteText", "footnote text", "Normal",
	  TIGHT "<w:ind w:left=\"284\" w:hanging=\"284\"/>"
	  "<w:jc w:val=\"left\"/>",
	  "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", NULL },
	{ 'p', "Header", "header", "Normal",
	  "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
	  "w:color=\"auto\"/></w:pBdr>" TIGHT "<w:jc w:val=\"center\"/>",
	  "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", NULL },
	{ 'p', "Footer", "footer", "Normal", TIGHT "<w:jc w:val=\"center\"/>",
	  "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", NULL },
	{ 'c', "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL,
	  NULL, NULL },
	{ 'c', "ClauseNumber", "Clause Number", "DefaultParagraphFont", NULL,
	  "<w:b/><w:bCs/>", NULL },
	{ 'c', "DefinedTerm", "Defined Term", "DefaultParagraphFont", NULL,
	  "<w:b/><w:bCs/>", NULL },
	{ 'c', "TermUse", "Term Use", "DefaultParagraphFont", NULL, NULL,
	  NULL },
	{ 'c', "CrossReference", "Cross Reference", "DefaultParagraphFont",
	  NULL, NULL, NULL },
	{ 'c', "PartyReference", "Party Reference", "DefaultParagraphFont",
	  NULL, NULL, NULL },
	{ 'c', "Value", "Value", "DefaultParagraphFont", NULL, NULL, NULL },
	{ 'c', "FootnoteReference", "footnote reference",
	  "DefaultParagraphFont", NULL, "<w:vertAlign w:val=\"superscript\"/>",
	  NULL },
	{ 'c', "Untranslated", "Untranslated", "DefaultParagraphFont", NULL,
	  "<w:i/><w:iCs/><w:color w:val=\"7F7F7F\"/>", NULL },
	{ 't', "TableNormal", "Normal Table", NULL, NULL, NULL,
	  "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	  "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
	  "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
	  "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>" },
	{ 't', "ContractTable", "Contract Table", "TableNormal", NULL, NULL,
	  "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" "
	  "w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" "
	  "w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right "
	  "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	  "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" "
	  "w:space=\"0\" w:color=\"auto\"/></w:tblBorders>" },
	{ 't', "ParallelTable", "Parallel Table", "TableNormal", NULL, NULL,
	  NULL },
	{ 't', "SignatureTable", "Signature Table", "TableNormal", NULL, NULL,
	  NULL },
};

static void put_style(struct dx_writer *w, const struct style *s)
{
	static const char *const builtin[] = { "Normal", "Heading1",
		"Heading2", "Heading3", "Heading4", "FootnoteText", "Header",
		"Footer", "DefaultParagraphFont", "FootnoteReference",
		"TableNormal" };
	int custom = 1;
	size_t i;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (strcmp(s->id, builtin[i]) == 0)
			custom = 0;
	dx_put(w, s->type == 'p' ? "<w:style w:type=\"paragraph\""
		  : s->type == 'c' ? "<w:style w:type=\"character\""
				   : "<w:style w:type=\"table\"");
	if (s->based == NULL)
		dx_put(w, " w:default=\"1\"");
	if (custom)
		dx_put(w, " w:customStyle=\"1\"");
	dx_put_attr(w, "w:styleId", s->id);
	dx_put(w, "><w:name");
	dx_put_attr(w, "w:val", s->name);
	dx_put(w, "/>");
	if (s->based) {
		dx_put(w, "<w:basedOn");
		dx_put_attr(w, "w:val", s->based);
		dx_put(w, "/>");
	}
	if (s->type == 'p' && strncmp(s->id, "Heading", 7) == 0)
		dx_put(w, "<w:next w:val=\"Normal\"/>");
	dx_put(w, "<w:qFormat/>");
	if (s->ppr) {
		dx_put(w, "<w:pPr>");
		dx_put(w, s->ppr);
		dx_put(w, "</w:pPr>");
	}
	if (s->rpr) {
		dx_put(w, "<w:rPr>");
		dx_put(w, s->rpr);
		dx_put(w, "</w:rPr>");
	}
	if (s->tblpr) {
		dx_put(w, "<w:tblPr>");
		dx_put(w, s->tblpr);
		dx_put(w, "</w:tblPr>");
	}
	dx_put(w, "</w:style>");
}

/* Normal: justified across the page, ragged in the parallel layout's
 * narrow columns, where justification would open gaps between words. */
static void put_normal(struct dx_writer *w)
{
	struct style normal = {
		'p', "Normal", "Normal", NULL,
		"<w:widowControl/><w:spacing w:after=\"120\" w:line=\"264\" "
		"w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>", NULL, NULL
	};

	if (w->mode == DX_PARALLEL)
		normal.ppr = "<w:widowControl/><w:spacing w:after=\"120\" "
			     "w:line=\"264\" w:lineRule=\"auto\"/>"
			     "<w:jc w:val=\"left\"/>";
	put_style(w, &normal);
}

int dx_styles(pactum_sink **out, struct dx_writer *w)
{
	size_t i;

	dx_begin_part(w, out);
	dx_put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		  "standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas."
		  "openxmlformats.org/wordprocessingml/2006/main\">"
		  "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\""
		  SERIF "\" w:hAnsi=\"" SERIF "\" w:cs=\"" SERIF "\"/>"
		  "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang");
	dx_put_attr(w, "w:val", dx_locale(w, 0));
	dx_put(w, "/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
		  "<w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>");
	put_normal(w);
	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++)
		put_style(w, &styles[i]);
	dx_put(w, "</w:styles>");
	return dx_end_part(w);
}
