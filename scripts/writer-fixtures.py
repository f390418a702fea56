"""Writes the writer-matrix unit (a JSON file of sheets) with openpyxl and with xlsxwriter, the
parity fixtures (merged cells, 1904 dates, Chinese built-in date formats, error values) with
xlsxwriter, and re-zips a workbook with its parts in other orders. Run by
scripts/make-writer-fixtures.ts, which says what each file is for."""
import datetime
import json
import sys
import zipfile


def value(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return v


def with_openpyxl(unit, out):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in unit:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, v in enumerate(row, start=1):
                if v is None or v == "":
                    continue
                cell = ws.cell(row=r, column=c, value=value(v))
                if isinstance(v, dict):
                    cell.number_format = "yyyy-mm-dd"
    wb.properties.created = datetime.datetime(2026, 1, 1)
    wb.properties.modified = datetime.datetime(2026, 1, 1)
    wb.save(out)


def with_xlsxwriter(unit, out):
    import xlsxwriter

    wb = xlsxwriter.Workbook(out)
    wb.set_properties({"created": datetime.datetime(2026, 1, 1)})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    for sheet in unit:
        ws = wb.add_worksheet(sheet["name"])
        for r, row in enumerate(sheet["rows"]):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, dict):
                    ws.write_datetime(r, c, value(v), dates)
                else:
                    ws.write(r, c, v)
    wb.close()


def parity(out_dir):
    import xlsxwriter

    roster_header = ["编号", "姓名", "支部", "职务", "邮箱", "状态"]
    ledger_header = ["日期", "编号", "姓名", "事项", "情形", "分值", "状态", "说明"]
    created = {"created": datetime.datetime(2026, 1, 1)}

    def book(name, **options):
        wb = xlsxwriter.Workbook(f"{out_dir}/{name}", {"date_1904": options.get("date_1904", False)})
        wb.set_properties(created)
        return wb

    # Merged 支部 over the roster's rows and a merged 日期 over two ledger rows.
    wb = book("parity-merged.xlsx")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("党员名册")
    ws.write_row(0, 0, roster_header)
    for i, (id_, name) in enumerate([("A01", "张三"), ("A02", "李四"), ("A03", "王五")], start=1):
        ws.write_row(i, 0, [id_, name])
        ws.write(i, 3, "科员")
    ws.merge_range(1, 2, 3, 2, "第一支部")
    ws = wb.add_worksheet("记分台账")
    ws.write_row(0, 0, ledger_header)
    ws.merge_range(1, 0, 2, 0, datetime.datetime(2026, 3, 5), date)
    ws.write_row(1, 1, ["A01", "张三", "P1", "无故缺席"])
    ws.write_row(2, 1, ["A02", "李四", "P1", "请假"])
    ws.write_datetime(3, 0, datetime.datetime(2026, 4, 25), date)
    ws.write_row(3, 1, ["A03", "王五", "P2", "无故缺席"])
    wb.close()

    # The 1904 date system (Mac Excel): the same days as serials 1,462 lower.
    wb = book("parity-1904.xlsx", date_1904=True)
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("党员名册")
    ws.write_row(0, 0, roster_header)
    ws.write_row(1, 0, ["A01", "张三", "第一支部"])
    ws = wb.add_worksheet("记分台账")
    ws.write_row(0, 0, ledger_header)
    ws.write_datetime(1, 0, datetime.datetime(2026, 3, 5), date)
    ws.write_row(1, 1, ["A01", "张三", "P1", "无故缺席"])
    ws.write_datetime(2, 0, datetime.datetime(2026, 12, 31), date)
    ws.write_row(2, 1, ["A01", "张三", "P2", "请假"])
    wb.close()

    # Chinese date formats: built-in ids stored without a format code (31 年月日, 57 年月,
    # 58 月日 as Excel zh-CN shows them), and a custom code.
    wb = book("parity-zh-dates.xlsx")
    formats = [
        wb.add_format({"num_format": 31}),
        wb.add_format({"num_format": 14}),
        wb.add_format({"num_format": 'yyyy"年"m"月"d"日"'}),
        wb.add_format({"num_format": "[$-804]yyyy年m月d日;@"}),
    ]
    ws = wb.add_worksheet("党员名册")
    ws.write_row(0, 0, roster_header)
    ws.write_row(1, 0, ["A01", "张三", "第一支部"])
    ws = wb.add_worksheet("记分台账")
    ws.write_row(0, 0, ledger_header)
    for i, fmt in enumerate(formats, start=1):
        ws.write_datetime(i, 0, datetime.datetime(2026, 3, i), fmt)
        ws.write_row(i, 1, ["A01", "张三", "P2", "请假"])
    wb.close()

    # Error values: cached results of failed formulas in the ledger and the roster.
    wb = book("parity-errors.xlsx")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("党员名册")
    ws.write_row(0, 0, roster_header)
    ws.write_row(1, 0, ["A01", "张三", "第一支部"])
    ws.write_formula(1, 4, "=VLOOKUP(A2,Z:Z,2,FALSE)", None, "#N/A")
    ws.write_row(2, 0, ["A02", "李四", "第一支部"])
    ws = wb.add_worksheet("记分台账")
    ws.write_row(0, 0, ledger_header)
    ws.write_datetime(1, 0, datetime.datetime(2026, 3, 5), date)
    ws.write_row(1, 1, ["A01", "张三", "P1", "无故缺席"])
    ws.write_datetime(2, 0, datetime.datetime(2026, 3, 6), date)
    ws.write_row(2, 1, ["A02"])
    ws.write_formula(2, 2, "=VLOOKUP(B3,党员名册!A:B,2,FALSE)", None, "#N/A")
    ws.write_row(2, 3, ["P1", "请假"])
    ws.write_datetime(3, 0, datetime.datetime(2026, 3, 7), date)
    ws.write_row(3, 1, ["A02", "李四", "P2", "请假"])
    ws.write_formula(3, 5, "=#REF!", None, "#REF!")
    wb.close()


def rezip(source, out, order):
    """The same parts, stored in another order: 'reverse', 'sheets-first' or 'strings-last'."""
    with zipfile.ZipFile(source) as src:
        infos = src.infolist()
        if order == "reverse":
            infos = infos[::-1]
        elif order == "sheets-first":
            infos = sorted(infos, key=lambda i: (0 if "worksheets/" in i.filename else 1, i.filename))
        elif order == "strings-last":
            infos = sorted(infos, key=lambda i: (1 if "sharedStrings" in i.filename or "styles" in i.filename else 0, i.filename))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in infos:
                fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(fixed, src.read(info.filename))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "parity":
        parity(sys.argv[2])
    elif command == "rezip":
        rezip(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        with open(sys.argv[2], encoding="utf-8") as f:
            unit = json.load(f)
        {"openpyxl": with_openpyxl, "xlsxwriter": with_xlsxwriter}[command](unit, sys.argv[3])
