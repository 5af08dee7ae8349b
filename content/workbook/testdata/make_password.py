#!/usr/bin/python3
"""Has LibreOffice Calc save a workbook as .xlsx protected by a password.

Usage: make_password.py PROFILE_DIR IN OUT PASSWORD

Debian's msoffcrypto-tool (5.0.0) only decrypts, so LibreOffice does the
encryption, driven through UNO (python3-uno): it starts a headless soffice
with its own profile, loads IN, stores it to OUT with EncryptionData and
ends that soffice.
"""

import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    """Returns the desktop of the soffice listening on pipe, waiting up to 60 s."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(600):
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.1)
    raise SystemExit("make_password.py: soffice did not answer on pipe " + pipe)


def main(profile, src, dst, password):
    pipe = "deck_make_password_%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--nologo",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--accept=pipe,name=%s;urp;" % pipe,
    ], start_new_session=True)
    try:
        desktop = connect(pipe)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
            (prop("Hidden", True),))
        # uno.invoke: a uno.Any inside a struct reaches UNO only this way.
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(os.path.abspath(dst)), (
            # Tried in LibreOffice 7.4: "Calc MS Excel 2007 XML" ignores a
            # "Password" and fails to store with EncryptionData; this filter
            # writes ECMA-376 Standard encryption (AES-128).
            prop("FilterName", "Calc Office Open XML"),
            prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", (
                NamedValue("CryptoType", "Standard"),
                NamedValue("OOXPassword", password),
            ))),
        )))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down as soffice ends
    finally:
        # soffice is a script that starts soffice.bin: end the whole group,
        # which is still running when the store failed.
        try:
            office.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(office.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
