#!/usr/bin/python3
"""The normalised text of a DOCX package, for golden files and checks.

docx-parts.py FILE prints the archive's entry names in their order, then
each XML part pretty-printed under a line naming it.  It fails (exit 1,
reason on stderr) when the archive is not a ZIP, an entry is not dated
1980-01-01 00:00 (pactum's fixed time), [Content_Types].xml is not the
first entry, or a part is not well-formed XML.
"""
import sys
import zipfile
import xml.dom.minidom

FIXED = (1980, 1, 1, 0, 0, 0)
# Characters shown as references, so that no-break spaces can be read.
SHOWN = {"\u00a0": "&#160;", "\u202f": "&#8239;", "\u2011": "&#8209;"}


def text(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for c, ref in SHOWN.items():
        s = s.replace(c, ref)
    return s


def tag(e):
    attrs = "".join(' %s="%s"' % (k, text(v).replace('"', "&quot;"))
                    for k, v in e.attributes.items())
    return e.tagName + attrs


# Elements that hold paragraphs, rows or cells (or the parts' roots): each
# opens and closes a line of its own.  Everything else, a paragraph with
# its runs or a style with its properties, is one line, so the golden
# file is one line per paragraph and a changed word is a changed line.
CONTAINERS = {
    "w:document", "w:body", "w:tbl", "w:tr", "w:tc", "w:sdt",
    "w:sdtContent", "w:footnotes", "w:footnote", "w:endnotes",
    "w:endnote", "w:hdr", "w:ftr", "w:styles", "w:numbering",
    "w:settings", "w:fonts", "Types", "Relationships", "cp:coreProperties",
    "Properties",
}


def inline(node):
    """The element and everything in it, exactly, on one line."""
    parts = []
    for k in node.childNodes:
        if k.nodeType == k.ELEMENT_NODE:
            parts.append(inline(k))
        elif k.nodeType == k.TEXT_NODE:
            parts.append(text(k.data))
    if not parts:
        return "<%s/>" % tag(node)
    return "<%s>%s</%s>" % (tag(node), "".join(parts), node.tagName)


def pretty(node, depth, out):
    pad = " " * depth
    if node.tagName not in CONTAINERS:
        out.append(pad + inline(node))
        return
    out.append("%s<%s>" % (pad, tag(node)))
    for k in node.childNodes:
        if k.nodeType == k.ELEMENT_NODE:
            pretty(k, depth + 1, out)
        elif k.nodeType == k.TEXT_NODE and k.data.strip():
            out.append("%s %s" % (pad, text(k.data)))
    out.append("%s</%s>" % (pad, node.tagName))


def main(path):
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        sys.exit("%s: not a ZIP archive: %s" % (path, e))
    infos = archive.infolist()
    if not infos or infos[0].filename != "[Content_Types].xml":
        sys.exit("%s: [Content_Types].xml is not the first entry" % path)
    out = ["entries:"]
    for info in infos:
        if info.date_time != FIXED:
            sys.exit("%s: %s is dated %s, not 1980-01-01 00:00"
                     % (path, info.filename, info.date_time))
        out.append("  " + info.filename)
    for info in infos:
        data = archive.read(info.filename)
        try:
            dom = xml.dom.minidom.parseString(data)
        except Exception as e:  # expat's errors have no common base
            sys.exit("%s: %s is not well-formed: %s" % (path, info.filename, e))
        out.append("")
        out.append("=== " + info.filename)
        pretty(dom.documentElement, 0, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: docx-parts.py FILE")
    main(sys.argv[1])
