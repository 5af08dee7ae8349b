#!/usr/bin/python3
"""Usage: keep_if_same.py NEW OLD [PASSWORD]

Moves the workbook NEW onto OLD, unless OLD holds the same zip entries with
the same contents: then NEW is removed and OLD kept, so that running
make.sh again leaves the committed bytes alone. LibreOffice dates every zip
entry with the time of the save, and an encrypted workbook has a new random
salt each time; with PASSWORD both are decrypted (msoffcrypto, from
python3-msoffcrypto-tool) before they are compared.
"""

import io
import os
import sys
import zipfile


def entries(path, password):
    with open(path, "rb") as f:
        data = f.read()
    if password:
        import msoffcrypto
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password)
        out = io.BytesIO()
        office.decrypt(out)
        data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def main(new, old, password=None):
    try:
        same = os.path.exists(old) and entries(new, password) == entries(old, password)
    except ImportError:
        same = False
    if same:
        os.remove(new)
    else:
        os.replace(new, old)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
