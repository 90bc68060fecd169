#!/usr/bin/env python3
"""Write the synthetic agreements that bench/run.py times (issue #16).

For each size N (clauses, in sections of 10) this writes into WORK/N/:

  model.xml        the pactum agreement model (domain pactum-bench)
  deal.xml         one deal
  pactum-bench.pot its text, as 'pactum extract' writes it
  de.po            the complete German catalog, compiled with msgfmt to
                   catalogs/de/LC_MESSAGES/pactum-bench.mo (--catalog-path)
  peer.xml         the same agreement as plain XML, values filled in
  peer.its         ITS rules for itstool
  peer.de.po       its German catalog, compiled to peer.de.mo (itstool -m)
  peer.de.md       the German text as Markdown, for pandoc

and into WORK/ the XSLT that turns itstool's German XML into DocBook 5
(peer2docbook.xsl), and for the batch rows WORK/batch/deals-R.xml: R deal
records of the 30-clause model in one <deals> file.

With --pactum (a command, e.g. ./pactum-uninstalled) and the peers on PATH,
it then checks what it wrote: the POT equals what 'pactum extract' makes,
pactum renders every size in strict mode with nothing on stderr, itstool
finds exactly the units of peer.de.po and its output is German, and
xmllint and pandoc accept their inputs.  Python 3 standard library only.

A stamp in each size's directory (and beside each deals file) names the
gen.py that wrote it; a current size is not written or its peers checked
again (pactum's checks run every time), unless --force.

Options it does not know (run.py's, such as --rounds) are ignored, so
that 'make bench BENCH_ARGS=...' can pass the same words to both.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape as xml_escape

SIZES = (30, 300, 3000, 30000)
RECORDS = (10, 1000, 100000)
BATCH_CLAUSES = 30
DOMAIN = "pactum-bench"
NBSP = "\u00a0"

# The sentence of each clause: one of six frames (English, German of about
# the same length), the clause number in it, and at its end one phrase with
# the construct that makes the core work (a value, a term, a party or a
# cross-reference).
FRAMES = (
    ("Under clause {n} the reseller shall promote the licensed software "
     "within the agreed territory with the care of a prudent merchant, keep "
     "complete records of every order it accepts and report to the vendor "
     "once each quarter; this applies{x}.",
     "Nach Klausel {n} fördert der Wiederverkäufer die lizenzierte Software "
     "im vereinbarten Gebiet mit der Sorgfalt eines ordentlichen Kaufmanns, "
     "führt Buch über jede angenommene Bestellung und berichtet dem Anbieter "
     "einmal im Quartal; dies gilt{x}."),
    ("The fees named in clause {n} fall due within thirty days of the "
     "invoice date, are stated without value added tax and may be adjusted "
     "once a year by written notice given two months before the change "
     "takes effect; this applies{x}.",
     "Die in Klausel {n} genannten Entgelte sind binnen dreißig Tagen nach "
     "Rechnungsdatum fällig, verstehen sich ohne Umsatzsteuer und können "
     "einmal jährlich durch schriftliche Mitteilung zwei Monate vor "
     "Wirksamwerden angepasst werden; dies gilt{x}."),
    ("Each party shall keep confidential all information it receives under "
     "clause {n}, use it only to perform this agreement and disclose it only "
     "to staff and advisers who need to know it and are bound by equal "
     "duties; this applies{x}.",
     "Jede Partei behandelt alle nach Klausel {n} erhaltenen Informationen "
     "vertraulich, nutzt sie nur zur Erfüllung dieses Vertrags und gibt sie "
     "nur Mitarbeitern und Beratern weiter, die sie kennen müssen und gleich "
     "verpflichtet sind; dies gilt{x}."),
    ("Liability for slight negligence under clause {n} is limited to the "
     "foreseeable damage typical for this kind of contract and in any case "
     "to the fees paid in the twelve months before the event giving rise to "
     "the claim; this applies{x}.",
     "Die Haftung für leichte Fahrlässigkeit nach Klausel {n} ist auf den "
     "vorhersehbaren, vertragstypischen Schaden und in jedem Fall auf die in "
     "den zwölf Monaten vor dem anspruchsbegründenden Ereignis gezahlten "
     "Entgelte beschränkt; dies gilt{x}."),
    ("The vendor shall correct reported defects of the software covered by "
     "clause {n} within a reasonable period by a patch, a new release or a "
     "workaround, provided the reseller describes each defect well enough "
     "to reproduce it; this applies{x}.",
     "Der Anbieter behebt gemeldete Mängel der von Klausel {n} erfassten "
     "Software in angemessener Frist durch einen Patch, eine neue Version "
     "oder eine Umgehung, sofern der Wiederverkäufer jeden Mangel "
     "nachvollziehbar beschreibt; dies gilt{x}."),
    ("Notices under clause {n} must be given in writing to the address last "
     "named by the receiving party, and a notice sent by registered letter "
     "or by electronic mail counts as received on the second working day "
     "after dispatch; this applies{x}.",
     "Mitteilungen nach Klausel {n} bedürfen der Schriftform an die zuletzt "
     "von der empfangenden Partei genannte Anschrift, und eine per "
     "Einschreiben oder E-Mail versandte Mitteilung gilt am zweiten Werktag "
     "nach Absendung als zugegangen; dies gilt{x}."),
)

# The deal of the single renders, and its values as pactum writes them
# (the peers get them filled in; English with plain spaces, since itstool
# folds a no-break space in what it extracts).
DEAL = {
    "vendor": "Acme Software AG",
    "reseller": "Nordwind IT GmbH",
    "start": "2027-03-01",
    "fee": "12500 EUR",
    "order": "PO-2027-0001",
}
SHOWN = {  # name: (English, German)
    "start": ("1 March 2027", "1." + NBSP + "März" + NBSP + "2027"),
    "fee": ("EUR 12,500.00", "12.500,00" + NBSP + "EUR"),
    "law": ("German law", "deutsches Recht"),
    "notice": ("three months", "drei Monaten"),
    "order": ("PO-2027-0001", "PO-2027-0001"),
}
# The phrase of a value: pactum's English, pactum's German (a placeholder
# each), and the words around it for the peers.
VARS = (
    ("start", " from {v}", " ab dem {v}"),
    ("fee", " against a fee of {v}", " gegen ein Entgelt von {v}"),
    ("law", " as far as {v} permits", ", soweit {v} dies zulässt"),
    ("notice", " with {v} notice", " mit einer Frist von {v}"),
    ("order", " to order {v}", " für Bestellung {v}"),
)


def clause_number(i):
    """pactum's number of clause I (1-based): section.clause."""
    return "%d.%d" % ((i - 1) // 10 + 1, (i - 1) % 10 + 1)


def xref_target(i, n):
    """The clause that clause I refers to: seven further on, wrapping."""
    return (i - 1 + 7) % n + 1


def clause_text(i, n):
    """The paragraph of clause I in every form the tools need.

    Returns a dict: pactum's model XML, msgid and German msgstr (and
    whether the unit is a plural entry), the peer's English and German XML
    (the German as itstool's msgstr), and the German Markdown."""
    en, de = FRAMES[(i - 1) % len(FRAMES)]
    kind = (i - 1) % 4
    r = {"plural": False}
    if kind == 0:
        name, pen, pde = VARS[((i - 1) // 4) % len(VARS)]
        ven, vde = SHOWN[name]
        r["model"] = pen.format(v='<var name="%s"/>' % name)
        r["msgid"] = pen.format(v="{%s}" % name)
        # German declines the unit of a duration after "von"
        r["msgstr"] = pde.format(v="{%s|dat}" % name if name == "notice"
                                 else "{%s}" % name)
        r["plural"] = name == "notice"
        r["peer_en"] = pen.format(v="<value>%s</value>" % ven)
        r["peer_de"] = pde.format(v="<value>%s</value>" % vde)
        r["md"] = pde.format(v=vde)
    elif kind == 1:
        r["model"] = ' to the <term-ref ref="products"/>'
        r["msgid"] = " to the {term:products}"
        r["msgstr"] = " für die {term:products}"
        r["peer_en"] = ' to the <termref ref="products">Products</termref>'
        r["peer_de"] = (' für die <termref ref="products">Vertragsprodukte'
                        '</termref>')
        r["md"] = " für die *Vertragsprodukte*"
    elif kind == 2:
        r["model"] = ' as agreed with the <party-ref ref="reseller"/>'
        r["msgid"] = " as agreed with the {party:reseller}"
        r["msgstr"] = " wie mit dem {party:reseller} vereinbart"
        r["peer_en"] = (' as agreed with the <partyref ref="reseller">'
                        'Reseller</partyref>')
        r["peer_de"] = (' wie mit dem <partyref ref="reseller">'
                        'Wiederverkäufer</partyref> vereinbart')
        r["md"] = " wie mit dem Wiederverkäufer vereinbart"
    else:
        j = xref_target(i, n)
        r["model"] = ' subject to <xref ref="c%d"/>' % j
        r["msgid"] = " subject to {ref:c%d}" % j
        r["msgstr"] = " vorbehaltlich {ref:c%d}" % j
        r["peer_en"] = ' subject to <xref linkend="c%d"/>' % j
        r["peer_de"] = ' vorbehaltlich <xref linkend="c%d"/>' % j
        r["md"] = " vorbehaltlich [Ziffer %s](#c%d)" % (clause_number(j), j)
    for k in ("model", "peer_en"):
        r[k] = en.format(n=i, x=r[k])
    for k in ("msgid",):
        r[k] = en.format(n=i, x=r[k])
    for k in ("msgstr", "peer_de", "md"):
        r[k] = de.format(n=i, x=r[k])
    return r


# Units outside the body: (msgctxt, English, German).
FRONT = (
    ("title", "Benchmark Reseller Agreement", "Benchmark-Wiederverkäufervertrag"),
    ("party.vendor", "Vendor", "Anbieter"),
    ("party.reseller", "Reseller", "Wiederverkäufer"),
    ("param.law.german", "German law", "deutsches Recht"),
    ("param.law.english", "English law", "englisches Recht"),
    ("term.products", "Products", "Vertragsprodukte"),
    ("term.products.definition", "the software listed in Annex 1",
     "die in Anlage 1 aufgeführte Software"),
)
FRONT_DE = {ctxt: de for ctxt, _, de in FRONT}


def section_title(s):
    return "Section %d" % s, "Abschnitt %d" % s


def clause_title(i):
    return "Heading of clause %d" % i, "Überschrift von Klausel %d" % i


def write(path, text):
    """Write TEXT to PATH as UTF-8, through a temporary and a rename."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


# ------------------------------------------------------------- pactum ---

def pactum_model(n):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<!-- pactum benchmark agreement: %d clauses in sections of 10 '
           '(bench/gen.py) -->\n' % n,
           '<agreement xmlns="urn:pactum:model:1" id="bench" '
           'domain="%s" source-lang="en" prevailing="de">\n' % DOMAIN,
           '  <title>Benchmark Reseller Agreement</title>\n'
           '  <parties>\n'
           '    <party id="vendor"><role>Vendor</role></party>\n'
           '    <party id="reseller"><role>Reseller</role></party>\n'
           '  </parties>\n'
           '  <parameters>\n'
           '    <param id="start" type="date"/>\n'
           '    <param id="fee" type="money"/>\n'
           '    <param id="notice" type="duration" default="3m"/>\n'
           '    <param id="law" type="choice" default="german">\n'
           '      <choice value="german"><label>German law</label></choice>\n'
           '      <choice value="english"><label>English law</label></choice>\n'
           '    </param>\n'
           '    <param id="order" type="text"/>\n'
           '  </parameters>\n'
           '  <terms>\n'
           '    <term id="products"><name>Products</name>'
           '<definition>the software listed in Annex 1</definition></term>\n'
           '  </terms>\n'
           '  <body>\n']
    for s in range(1, (n + 9) // 10 + 1):
        out.append('    <section id="s%d"><title>%s</title>\n'
                   % (s, section_title(s)[0]))
        for i in range((s - 1) * 10 + 1, min(s * 10, n) + 1):
            out.append('      <clause id="c%d"><title>%s</title><p>%s</p>'
                       '</clause>\n'
                       % (i, clause_title(i)[0], clause_text(i, n)["model"]))
        out.append('    </section>\n')
    out.append('  </body>\n</agreement>\n')
    return "".join(out)


def po_string(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def pactum_units(n):
    """(msgctxt, msgid, German, plural) of every unit, in model order."""
    units = [(c, e, d, False) for c, e, d in FRONT]
    for s in range(1, (n + 9) // 10 + 1):
        en, de = section_title(s)
        units.append(("s%d.title" % s, en, de, False))
        for i in range((s - 1) * 10 + 1, min(s * 10, n) + 1):
            en, de = clause_title(i)
            units.append(("c%d.title" % i, en, de, False))
            t = clause_text(i, n)
            units.append(("c%d.p1" % i, t["msgid"], t["msgstr"], t["plural"]))
    return units


PO_HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: {project}\\n"\n'
    '"PO-Revision-Date: 2026-12-01 12:00+0100\\n"\n'
    '"Last-Translator: pactum bench <bench@pactum.invalid>\\n"\n'
    '"Language-Team: German <de@pactum.invalid>\\n"\n'
    '"Language: {lang}\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: {plural}\\n"\n\n')


def pactum_po(units, translated):
    """The POT (TRANSLATED false) or the German catalog."""
    out = ["# %s catalog of the pactum benchmark agreement "
           "(bench/gen.py).\n" % ("German" if translated else "Template"),
           PO_HEADER.format(
               project=DOMAIN, lang="de" if translated else "",
               plural="nplurals=2; plural=(n != 1);" if translated
               else "nplurals=INTEGER; plural=EXPRESSION;")]
    for ctxt, en, de, plural in units:
        out.append("msgctxt %s\nmsgid %s\n" % (po_string(ctxt), po_string(en)))
        d = po_string(de if translated else "")
        if plural:
            out.append("msgid_plural %s\nmsgstr[0] %s\nmsgstr[1] %s\n\n"
                       % (po_string(en), d, d))
        else:
            out.append("msgstr %s\n\n" % d)
    return "".join(out)


def deal_body(vendor, reseller, start, fee, order, indent):
    p = " " * indent
    return ("%s<party id=\"vendor\"><name>%s</name></party>\n"
            "%s<party id=\"reseller\"><name>%s</name></party>\n"
            "%s<value name=\"start\">%s</value>\n"
            "%s<value name=\"fee\">%s</value>\n"
            "%s<value name=\"order\">%s</value>\n"
            % (p, xml_escape(vendor), p, xml_escape(reseller), p, start,
               p, fee, p, xml_escape(order)))


def pactum_deal():
    d = DEAL
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<deal xmlns="urn:pactum:deal:1">\n'
            + deal_body(d["vendor"], d["reseller"], d["start"], d["fee"],
                        d["order"], 2)
            + '</deal>\n')


def write_deals(path, records):
    """RECORDS deals in one file, a reseller and an order number each."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!-- %d deals for the batch rows of bench/run.py -->\n'
                '<deals xmlns="urn:pactum:deal:1">\n' % records)
        chunk = []
        for r in range(1, records + 1):
            chunk.append("  <deal>\n" + deal_body(
                DEAL["vendor"], "Reseller %06d GmbH" % r,
                "2027-%02d-%02d" % (r % 12 + 1, r % 28 + 1),
                "%d EUR" % (10000 + (r % 997) * 10), "PO-2027-%06d" % r, 4)
                + "  </deal>\n")
            if len(chunk) == 1000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
        f.write("</deals>\n")
    os.replace(tmp, path)


# -------------------------------------------------------------- peers ---

PEER_ITS = """<?xml version="1.0" encoding="UTF-8"?>
<!-- What itstool translates in peer.xml: the same units as pactum's. -->
<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
  <its:translateRule selector="/agreement" translate="no"/>
  <its:translateRule translate="yes"
      selector="//title | //role | //term/name | //definition | //p"/>
  <its:withinTextRule withinText="yes"
      selector="//value | //termref | //partyref | //xref"/>
</its:rules>
"""

# itstool's German XML to DocBook 5, shaped as pactum's single-language
# article (xml:id by xsl:attribute: libxml2 checks a literal xml:id="{@id}"
# in the stylesheet as an NCName and warns); numbers from position(), which is linear (xsl:number counts the
# preceding siblings of every clause and would make xsltproc quadratic).
PEER_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook">
  <xsl:output method="xml" encoding="UTF-8"/>
  <!-- itstool -l does not mark the root, so the language is a parameter -->
  <xsl:param name="lang" select="'de'"/>

  <xsl:template match="/agreement">
    <article version="5.0" xml:lang="{$lang}">
      <info>
        <title><xsl:apply-templates select="title/node()"/></title>
        <authorgroup>
          <xsl:for-each select="parties/party">
            <author role="{@id}"><orgname><xsl:value-of select="name"/></orgname></author>
          </xsl:for-each>
        </authorgroup>
      </info>
      <variablelist role="parties">
        <xsl:for-each select="parties/party">
          <varlistentry>
            <term><phrase role="party"><xsl:value-of select="role"/></phrase></term>
            <listitem><para role="name"><phrase role="value"><xsl:value-of select="name"/></phrase></para></listitem>
          </varlistentry>
        </xsl:for-each>
      </variablelist>
      <section role="definitions">
        <title><xsl:value-of select="terms/title"/></title>
        <glosslist>
          <xsl:for-each select="terms/term">
            <glossentry>
              <xsl:attribute name="xml:id">term.<xsl:value-of select="@id"/></xsl:attribute>
              <glossterm><xsl:value-of select="name"/></glossterm>
              <glossdef><para><xsl:apply-templates select="definition/node()"/></para></glossdef>
            </glossentry>
          </xsl:for-each>
        </glosslist>
      </section>
      <xsl:apply-templates select="body/section"/>
    </article>
  </xsl:template>

  <xsl:template match="section">
    <xsl:variable name="s" select="position()"/>
    <section>
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title><phrase role="number"><xsl:value-of select="$s"/></phrase><xsl:text> </xsl:text><xsl:apply-templates select="title/node()"/></title>
      <xsl:for-each select="clause">
        <formalpara role="clause"><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute><title><phrase role="number"><xsl:value-of select="concat($s, '.', position())"/></phrase><xsl:text> </xsl:text><xsl:apply-templates select="title/node()"/></title><para><xsl:apply-templates select="p/node()"/></para></formalpara>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template match="termref">
    <firstterm linkend="term.{@ref}"><xsl:apply-templates/></firstterm>
  </xsl:template>
  <xsl:template match="partyref">
    <phrase role="party"><xsl:apply-templates/></phrase>
  </xsl:template>
  <xsl:template match="value">
    <phrase role="value"><xsl:apply-templates/></phrase>
  </xsl:template>
  <xsl:template match="xref">
    <xref linkend="{@linkend}"/>
  </xsl:template>
</xsl:stylesheet>
"""


def peer_xml(n):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<!-- The pactum benchmark agreement of %d clauses as plain XML '
           '(bench/gen.py) -->\n' % n,
           '<agreement id="bench">\n'
           '  <title>Benchmark Reseller Agreement</title>\n'
           '  <parties>\n'
           '    <party id="vendor"><role>Vendor</role>'
           '<name>%s</name></party>\n'
           '    <party id="reseller"><role>Reseller</role>'
           '<name>%s</name></party>\n'
           '  </parties>\n'
           '  <terms><title>Definitions</title>\n'
           '    <term id="products"><name>Products</name>'
           '<definition>the software listed in Annex 1</definition></term>\n'
           '  </terms>\n'
           '  <body>\n' % (xml_escape(DEAL["vendor"]),
                           xml_escape(DEAL["reseller"]))]
    for s in range(1, (n + 9) // 10 + 1):
        out.append('    <section id="s%d"><title>%s</title>\n'
                   % (s, section_title(s)[0]))
        for i in range((s - 1) * 10 + 1, min(s * 10, n) + 1):
            out.append('      <clause id="c%d"><title>%s</title><p>%s</p>'
                       '</clause>\n'
                       % (i, clause_title(i)[0], clause_text(i, n)["peer_en"]))
        out.append('    </section>\n')
    out.append('  </body>\n</agreement>\n')
    return "".join(out)


def peer_units(n):
    """(English, German) of every unit itstool extracts from peer.xml."""
    units = [("Benchmark Reseller Agreement", FRONT_DE["title"]),
             ("Vendor", FRONT_DE["party.vendor"]),
             ("Reseller", FRONT_DE["party.reseller"]),
             ("Definitions", "Begriffsbestimmungen"),
             ("Products", FRONT_DE["term.products"]),
             ("the software listed in Annex 1",
              FRONT_DE["term.products.definition"])]
    for s in range(1, (n + 9) // 10 + 1):
        units.append(section_title(s))
        for i in range((s - 1) * 10 + 1, min(s * 10, n) + 1):
            units.append(clause_title(i))
            t = clause_text(i, n)
            units.append((t["peer_en"], t["peer_de"]))
    return units


def peer_po(units):
    out = ["# German catalog of the benchmark agreement's plain XML, for "
           "itstool -m (bench/gen.py).\n",
           PO_HEADER.format(project="pactum-bench-peer", lang="de",
                            plural="nplurals=2; plural=(n != 1);")]
    for en, de in units:
        out.append("msgid %s\nmsgstr %s\n\n" % (po_string(en), po_string(de)))
    return "".join(out)


def peer_markdown(n):
    out = ["---\n",
           "title: %s\n" % FRONT_DE["title"],
           "lang: de\n",
           "---\n\n",
           "Anbieter\n:   %s\n\n" % DEAL["vendor"],
           "Wiederverkäufer\n:   %s\n\n" % DEAL["reseller"],
           "# Begriffsbestimmungen {#definitions}\n\n",
           "*Vertragsprodukte*\n:   die in Anlage 1 aufgeführte Software\n\n"]
    for s in range(1, (n + 9) // 10 + 1):
        out.append("# %d %s {#s%d}\n\n" % (s, section_title(s)[1], s))
        for i in range((s - 1) * 10 + 1, min(s * 10, n) + 1):
            out.append("## %s %s {#c%d}\n\n%s\n\n"
                       % (clause_number(i), clause_title(i)[1], i,
                          clause_text(i, n)["md"]))
    return "".join(out)


# ------------------------------------------------------------- checks ---

def run(argv, what, **kw):
    """Run ARGV; on failure say WHAT failed, with its stderr, and exit."""
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       **kw)
    if p.returncode != 0:
        sys.stderr.write("gen.py: %s failed (exit %d): %s\n%s"
                         % (what, p.returncode, " ".join(argv),
                            p.stderr.decode("utf-8", "replace")))
        sys.exit(1)
    return p


def po_entries(path):
    """The (msgctxt, msgid, msgid_plural) of every entry of a PO file,
    header excluded; enough of the format for what pactum and itstool
    write (comments, keywords, continued strings)."""
    entries, cur, key = [], {}, None

    def flush():
        if cur.get("msgid"):
            entries.append((cur.get("msgctxt"), cur["msgid"],
                            cur.get("msgid_plural")))

    def unquote(s):
        s = s.strip()[1:-1]
        return (s.replace('\\"', '"').replace("\\n", "\n")
                .replace("\\t", "\t").replace("\\\\", "\\"))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                cur, key = {}, None
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if key:
                    cur[key] += unquote(line)
            else:
                key, _, rest = line.partition(" ")
                if key.startswith("msgstr"):
                    key = None
                else:
                    cur[key] = unquote(rest)
    flush()
    return entries


def check(work, n, pactum, peers):
    """The checks of the module docstring for size N: pactum's when PACTUM
    (a command) is given, the peers' when PEERS."""
    tmp = os.path.join(work, "check")
    os.makedirs(tmp, exist_ok=True)
    d = os.path.join(work, str(n))
    model = os.path.join(d, "model.xml")
    run(["xmllint", "--noout", model], "xmllint on the %d-clause model" % n)
    if pactum:
        pot = os.path.join(tmp, "extract.pot")
        run(pactum + ["extract", model, "-o", pot], "pactum extract")
        if po_entries(pot) != po_entries(os.path.join(d, DOMAIN + ".pot")):
            sys.exit("gen.py: %d clauses: %s.pot differs from what "
                     "pactum extract writes (%s)" % (n, DOMAIN, pot))
        for langs in ("de,en", "de"):
            out = os.path.join(tmp, "render.dbk")
            p = run(pactum + ["render", model, "--data",
                              os.path.join(d, "deal.xml"), "--lang", langs,
                              "--format", "docbook", "--layout", "parallel",
                              "--catalog-path",
                              os.path.join(d, "catalogs"), "-o", out],
                    "pactum render (strict) of %d clauses" % n)
            if p.stderr:
                sys.exit("gen.py: pactum render of %d clauses, --lang %s, "
                         "warns:\n%s" % (n, langs, p.stderr.decode()))
    if not peers:
        print("gen.py: %d clauses: checked (pactum %s; the peers' inputs "
              "as checked before)" % (n, "strict" if pactum else
                                      "not checked"))
        shutil.rmtree(tmp)
        return
    # itstool finds exactly our units, and translates every one
    pot = os.path.join(tmp, "peer.pot")
    run(["itstool", "-i", os.path.join(d, "peer.its"), "-o", pot,
         os.path.join(d, "peer.xml")], "itstool extraction")
    theirs = set(e[1] for e in po_entries(pot))
    ours = set(e[1] for e in po_entries(os.path.join(d, "peer.de.po")))
    if theirs != ours:
        sys.exit("gen.py: %d clauses: itstool extracts %d units not in "
                 "peer.de.po (e.g. %r), and peer.de.po has %d it does not "
                 "extract" % (n, len(theirs - ours),
                              sorted(theirs - ours)[:1], len(ours - theirs)))
    out = os.path.join(tmp, "peer.de.xml")
    run(["itstool", "-i", os.path.join(d, "peer.its"),
         "-m", os.path.join(d, "peer.de.mo"), "-l", "de",
         "-o", out, os.path.join(d, "peer.xml")], "itstool merge")
    with open(out, encoding="utf-8") as f:
        german = f.read()
    english = [w for w in ("Heading of clause", "Section ", "this applies",
                           "Reseller<")
               if w in german]
    if english or german.count("Überschrift von Klausel") != n:
        sys.exit("gen.py: %d clauses: itstool's output is not all German "
                 "(%s)" % (n, ", ".join(english) or "clause headings"))
    run(["xsltproc", "-o", os.path.join(tmp, "peer.dbk"),
         os.path.join(work, "peer2docbook.xsl"), out], "xsltproc")
    run(["pandoc", "-f", "markdown", "-t", "docbook5", "-s",
         "-o", os.path.join(tmp, "pandoc.dbk"),
         os.path.join(d, "peer.de.md")], "pandoc")
    print("gen.py: %d clauses: checked (pactum %s, itstool German, "
          "xsltproc, pandoc, xmllint)" % (n, "strict" if pactum else
                                          "not checked"))
    shutil.rmtree(tmp)


# --------------------------------------------------------------- main ---

def generate(work, n):
    d = os.path.join(work, str(n))
    os.makedirs(os.path.join(d, "catalogs", "de", "LC_MESSAGES"),
                exist_ok=True)
    write(os.path.join(d, "model.xml"), pactum_model(n))
    write(os.path.join(d, "deal.xml"), pactum_deal())
    units = pactum_units(n)
    write(os.path.join(d, DOMAIN + ".pot"), pactum_po(units, False))
    write(os.path.join(d, "de.po"), pactum_po(units, True))
    run(["msgfmt", "-c", "-o",
         os.path.join(d, "catalogs", "de", "LC_MESSAGES", DOMAIN + ".mo"),
         os.path.join(d, "de.po")], "msgfmt of the %d-clause catalog" % n)
    write(os.path.join(d, "peer.xml"), peer_xml(n))
    write(os.path.join(d, "peer.its"), PEER_ITS)
    write(os.path.join(d, "peer.de.po"), peer_po(peer_units(n)))
    run(["msgfmt", "-c", "-o", os.path.join(d, "peer.de.mo"),
         os.path.join(d, "peer.de.po")], "msgfmt of the peer catalog")
    write(os.path.join(d, "peer.de.md"), peer_markdown(n))


def parse_list(s):
    return tuple(int(x) for x in s.split(",") if x)


def fingerprint():
    """What a stamp holds: this generator's own text, which makes the
    files; a size whose stamp matches is neither written nor its peers
    checked again (pactum is, since it changes between runs)."""
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest() + "\n"


def stamped(path, fp):
    try:
        with open(path, encoding="ascii") as f:
            return f.read() == fp
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser(
        description="Write the synthetic agreements of bench/run.py.")
    ap.add_argument("--work", default="bench-work",
                    help="directory to write into (default bench-work)")
    ap.add_argument("--sizes", type=parse_list, default=SIZES,
                    help="clause counts, comma-separated (default %s)"
                    % ",".join(map(str, SIZES)))
    ap.add_argument("--records", type=parse_list, default=RECORDS,
                    help="deal records of the batch files (default %s)"
                    % ",".join(map(str, RECORDS)))
    ap.add_argument("--quick", action="store_true",
                    help="skip 30000 clauses and 100,000 records")
    ap.add_argument("--pactum", metavar="CMD",
                    help="the pactum to check with, e.g. ./pactum-uninstalled"
                    " (else pactum's checks are skipped)")
    ap.add_argument("--no-check", action="store_true",
                    help="write only, check nothing")
    ap.add_argument("--force", action="store_true",
                    help="write and check every size again, even where its "
                    "stamp says it is current")
    args, _ignored = ap.parse_known_args()
    sizes, records = args.sizes, args.records
    if args.quick:
        sizes = tuple(n for n in sizes if n < 30000)
        records = tuple(r for r in records if r < 100000)
    fp = fingerprint()
    pactum = args.pactum.split() if args.pactum else None
    os.makedirs(args.work, exist_ok=True)
    write(os.path.join(args.work, "peer2docbook.xsl"), PEER_XSL)
    batch = os.path.join(args.work, "batch")
    os.makedirs(batch, exist_ok=True)
    for r in records:
        path = os.path.join(batch, "deals-%d.xml" % r)
        if args.force or not stamped(path + ".stamp", fp):
            write_deals(path, r)
            write(path + ".stamp", fp)
    for n in sorted(set(sizes) | {BATCH_CLAUSES}):
        stamp = os.path.join(args.work, str(n), "stamp")
        current = not args.force and stamped(stamp, fp)
        if not current:
            generate(args.work, n)
            print("gen.py: %d clauses: written" % n, flush=True)
        if args.no_check:
            continue
        check(args.work, n, pactum, not current)
        # only checked inputs are skipped next time
        write(stamp, fp)
    print("gen.py: %s clauses and %s deal records in %s"
          % (",".join(map(str, sorted(set(sizes) | {BATCH_CLAUSES}))),
             ",".join(map(str, records)), args.work))


if __name__ == "__main__":
    main()
