import secrets

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from timeline.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or reset the `editor` account with a new random password and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        editors, _ = ensure_roles()
        password = secrets.token_urlsafe(12)
        user, created = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(editors)
        action = "Created" if created else "Reset"
        self.stdout.write(
            self.style.SUCCESS(
                f"{action} editor login for http://127.0.0.1:8000/admin/ — "
                f"username: {username}  password: {password}"
            )
        )
