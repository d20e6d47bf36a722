"""Build step of the package: the message catalogs compiled into it.

The `.po` files under `locales/` are the catalogs' source. A built package (a wheel, or
`pip install .`) carries them compiled, as `knowledge/locales/<lang>/LC_MESSAGES/messages.mo`,
where `knowledge.render.translations` finds them; nothing is compiled at runtime. An editable
install reads `locales/` itself, compiled there by `make catalogs`.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"


class BuildWithCatalogs(build_py):
    """The ordinary build, then each `locales/<lang>/LC_MESSAGES/messages.po` compiled into the
    built package (untranslated and fuzzy entries left out, as `pybabel compile` does)."""

    def run(self) -> None:
        """Build the package, then compile its catalogs into it (not for an editable install)."""
        super().run()
        if self.editable_mode:
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        sources = sorted(SOURCE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        if not sources:
            raise FileNotFoundError(f"no message catalogs under {SOURCE}")
        for source in sources:
            relative = source.relative_to(SOURCE).with_suffix(".mo")
            target = Path(self.build_lib, "knowledge", "locales", relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as po:
                catalog = read_po(po, locale=relative.parts[0], domain=DOMAIN)
            with target.open("wb") as mo:
                write_mo(mo, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
