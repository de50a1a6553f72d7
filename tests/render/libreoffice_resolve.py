"""Accept or reject every tracked change of a Word file in LibreOffice; print the paragraphs.

Run by ``test_docx.py`` with the Python that has LibreOffice's ``uno`` module (Debian's
``/usr/bin/python3`` with ``python3-uno``): ``python3 libreoffice_resolve.py FILE accept|reject
PROFILE_URL PORT``. Prints the document's paragraph texts as a JSON list.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def main() -> None:
    """Start a private office, resolve the changes, print the paragraphs, stop the office."""
    # Imported here: pytest imports this module to look for doctests, without LibreOffice's uno.
    import uno  # type: ignore[import-not-found]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    path, mode, profile, port = sys.argv[1:5]
    where = f"socket,host=127.0.0.1,port={port};urp;"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible",
         "--norestore", f"--accept={where}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:{where}StarOffice.ComponentContext")
                break
            except Exception:  # the office is still starting
                time.sleep(0.1)
        else:
            raise SystemExit("LibreOffice did not start")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        url = uno.systemPathToFileUrl(path)
        document = desktop.loadComponentFromURL(url, "_blank", 0, (hidden,))
        helper = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        frame = document.getCurrentController().getFrame()
        helper.executeDispatch(frame, COMMANDS[mode], "", 0, ())
        texts = []
        paragraphs = document.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            texts.append(paragraphs.nextElement().getString())
        document.close(True)
        print(json.dumps(texts))
    finally:
        if desktop is not None:
            desktop.terminate()
        office.wait(timeout=60)


if __name__ == "__main__":
    main()
