"""Hostile import files, written by the tests themselves: texts in mixed or unusual encodings,
control characters, over-long lines, and Excel files built part by part (stale or absurd sheet
sizes, hidden sheets, percent formats, zip bombs, encrypted workbooks, Word files)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from importfiles import SAMPLES, headers

# --- Text files --------------------------------------------------------------------------


def sample(kind: str, index: int = 0, **changes: str) -> dict[str, str]:
    """A copy of a valid sample row, with some values (by Swedish header) changed."""
    return {**SAMPLES[kind][index], **changes}


def csv_text(kind: str, rows: list[dict[str, str]] | None = None, *, header: list[str] | None = None,
             delimiter: str = ";", newline: str = "\r\n") -> str:
    header = header or headers(kind)
    lines = [delimiter.join(header)]
    for row in SAMPLES[kind] if rows is None else rows:
        cells = []
        for name in header:
            value = row.get(name, "")
            if delimiter in value or '"' in value or "\n" in value:
                value = '"' + value.replace('"', '""') + '"'
            cells.append(value)
        lines.append(delimiter.join(cells))
    return newline.join(lines) + newline


def csv_bytes(kind: str, rows: list[dict[str, str]] | None = None, *, encoding: str = "utf-8",
              **options) -> bytes:
    return csv_text(kind, rows, **options).encode(encoding)


def many_systems(count: int, **changes: str) -> list[dict[str, str]]:
    """``count`` valid system rows with Swedish letters in every row."""
    return [sample("systems", 0, Systemid=f"SYS-{i:05d}", Systemnamn=f"Lönesystem för Köping {i}",
                   **changes) for i in range(count)]


def mixed_encoding_csv(utf8_first: bool = True) -> tuple[bytes, int]:
    """A system list that is UTF-8 for its first 64 kB and more, then has one line saved in
    Windows-1252 (or the other way round); and the number of that line (the header is 1)."""
    rows = many_systems(1000)
    first, second = ("utf-8", "cp1252") if utf8_first else ("cp1252", "utf-8")
    head = csv_text("systems", rows[:900]).encode(first)
    assert len(head) > 65536
    odd = csv_text("systems", rows[900:901]).split("\r\n", 1)[1].encode(second)
    tail = csv_text("systems", rows[901:]).split("\r\n", 1)[1].encode(first)
    return head + odd + tail, 902


def csv_with_text_after(kind: str, column: str, value: str, before: int = 900) -> tuple[bytes, int]:
    """A system list of more than 64 kB whose row after ``before`` valid rows holds ``value``
    in ``column``; and that row's number."""
    rows = many_systems(before + 1)
    rows[before][column] = value
    return csv_bytes(kind, rows), before + 2


def utf16_text(kind: str) -> bytes:
    """What Excel saves as "Unicode text": UTF-16 with a byte order mark, tab-separated."""
    return csv_text(kind, delimiter="\t").encode("utf-16")


def long_line_csv(kind: str = "systems", length: int = 3_000_000) -> bytes:
    rows = [sample(kind, 0), sample(kind, 1, Systemnamn="x" * length)]
    return csv_bytes(kind, rows)


# --- Zip files and workbooks, part by part -----------------------------------------------

@dataclass(frozen=True)
class Percent:
    """A number in a cell formatted as percent ("99,5 %" holds 0.995)."""

    value: float
    format_id: int = 10  # Excel's built-in 0.00%; 164 is our own "0.0%"


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    state: str = "visible"
    dimension: str | None = None  # the size the sheet states, None for none


@dataclass
class Member:
    """A zip member already deflated (or to be): its name, deflated bytes, CRC and size."""

    name: str
    deflated: bytes
    size: int
    crc: int = 0


def _deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def zip_bytes(members: list[Member]) -> bytes:
    """A zip archive of deflated members, written by hand so that a member may declare a size
    too large to build in memory (its CRC is then not computed: a reader that checks the
    directory first never unpacks it)."""
    out = io.BytesIO()
    central = []
    for member in members:
        offset = out.tell()
        name = member.name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, member.crc,
                              len(member.deflated), member.size, len(name), 0))
        out.write(name)
        out.write(member.deflated)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, member.crc,
                                   len(member.deflated), member.size, len(name), 0, 0, 0, 0, 0, offset)
                       + name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    return out.getvalue()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, Percent):
        style = 1 if value.format_id == 10 else 2
        return f'<c r="{ref}" s="{style}"><v>{value.value!r}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(sheet: Sheet) -> bytes:
    rows = []
    for number, row in enumerate(sheet.rows, start=1):
        cells = "".join(_cell(f"{_column_letter(i)}{number}", v) for i, v in enumerate(row))
        rows.append(f'<row r="{number}">{cells}</row>')
    dimension = f'<dimension ref="{sheet.dimension}"/>' if sheet.dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'{dimension}<sheetData>{"".join(rows)}</sheetData></worksheet>').encode()


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
          '</styleSheet>')


def _workbook_parts(sheets: list[Sheet]) -> dict[str, str]:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    states = ["" if s.state == "visible" else f' state="{s.state}"' for s in sheets]
    sheet_list = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i}" r:id="rId{i}"{state}/>'
                         for i, (s, state) in enumerate(zip(sheets, states), start=1))
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    styles_id = len(sheets) + 1
    return {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f'{overrides}</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets>{sheet_list}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{relations}<Relationship Id="rId{styles_id}" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
    }


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    members = [_deflated(name, text.encode()) for name, text in _workbook_parts(sheets).items()]
    members += [_deflated(f"xl/worksheets/sheet{i}.xml", sheet_xml(s)) for i, s in enumerate(sheets, start=1)]
    return zip_bytes(members)


def kind_rows(kind: str, rows: list[dict[str, str]] | None = None) -> list[list[object]]:
    """A kind's header and rows as sheet rows (all values as text)."""
    header = headers(kind)
    return [header, *([row.get(h, "") for h in header] for row in (SAMPLES[kind] if rows is None else rows))]


def bomb_xlsx(unpacked: int) -> bytes:
    """A workbook whose sheet unpacks to ``unpacked`` bytes (mostly spaces) from a small file:
    a block of deflated spaces, flushed so that it stands alone, repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = 1024 * 1024
    block = packer.compress(b" " * chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    start = sheet_xml(Sheet("Blad1", kind_rows("systems")))
    opening, closing = start.split(b"</sheetData>")
    head = packer.compress(opening) + packer.flush(zlib.Z_FULL_FLUSH)
    repeats = max(1, (unpacked - len(start)) // chunk)
    tail = packer.compress(b"</sheetData>" + closing) + packer.flush()
    deflated = head + block * repeats + tail
    size = len(opening) + repeats * chunk + len(closing) + len(b"</sheetData>")
    members = [_deflated(name, text.encode()) for name, text in _workbook_parts([Sheet("Blad1", [])]).items()]
    return zip_bytes(members + [Member("xl/worksheets/sheet1.xml", deflated, size)])


def docx_bytes() -> bytes:
    """A Word document (.docx): a zip like a workbook, without xl/workbook.xml."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                               'openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://'
                             'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
                             '<w:r><w:t>Systemid;Systemnamn</w:t></w:r></w:p></w:body></w:document>',
    }
    return zip_bytes([_deflated(name, text.encode()) for name, text in parts.items()])


# --- An encrypted workbook: an OLE compound file ----------------------------------------

FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


@dataclass
class _Stream:
    name: str
    data: bytes
    start: int = 0
    entries: list = field(default_factory=list)


def encrypted_workbook() -> bytes:
    """What Excel writes for a workbook saved with a password: a compound file (the container
    of old .xls files) with the streams EncryptionInfo and EncryptedPackage. The streams are
    4 kB each, so that they live in ordinary sectors rather than the mini stream."""
    streams = [_Stream("EncryptionInfo", b"\x04\x00\x04\x00" + bytes(4092)),
               _Stream("EncryptedPackage", struct.pack("<Q", 4088) + bytes(range(256)) * 15 + bytes(248))]
    fat = [FAT_SECTOR, END_OF_CHAIN]        # sector 0: the FAT; sector 1: the directory
    for stream in streams:
        stream.start = len(fat)
        count = len(stream.data) // 512
        fat += [stream.start + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (128 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", left, right, child) + bytes(16) + bytes(4) + bytes(16)
                + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, NO_STREAM, NO_STREAM, 1, END_OF_CHAIN, 0)
                 # Siblings are ordered by name length: the shorter name is the child.
                 + entry(streams[0].name, 2, NO_STREAM, 2, NO_STREAM, streams[0].start, len(streams[0].data))
                 + entry(streams[1].name, 2, NO_STREAM, NO_STREAM, NO_STREAM, streams[1].start,
                         len(streams[1].data))
                 + entry("", 0, NO_STREAM, NO_STREAM, NO_STREAM, 0, 0))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
              + struct.pack("<109I", 0, *([FREE] * 108)))
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory + b"".join(s.data for s in streams)
