"""Replace the database's contents with a `make backup` file, all or nothing.

`flush` followed by `loaddata` is not enough: flush's post_migrate re-creates content types,
permissions and the Editors/Analysts groups under new ids, which then clash with the backup's.
Here the tables are emptied without that, the backup's own rows (ids included) are loaded, and
a failure anywhere rolls everything back, so a bad file leaves the database as it was.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from timeline.models import TimelineVersion


class Command(BaseCommand):
    help = "Empty the database and load a backup made by `make backup` (dumpdata)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The file `make backup` wrote (.xml.gz).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *, backup, database, verbosity, **options):
        with transaction.atomic(using=database):
            call_command(
                "flush", interactive=False, inhibit_post_migrate=True, database=database,
                verbosity=0,
            )  # fmt: skip
            call_command("loaddata", backup, database=database, verbosity=verbosity)
            # Counts cached before the restore must go (loaddata's raw saves do not bump).
            TimelineVersion.bump(using=database)
