"""The temporal tagger, as a table: phrase in a sentence, publication time, resolved value."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timeline.extraction.date_patterns import RULES
from timeline.extraction.dates import tag_dates
from timeline.extraction.story_dates import _OPENING, _RELATIVE_PHRASE

BERLIN = ZoneInfo("Europe/Berlin")
WED = datetime(2022, 1, 12, 3, 55, tzinfo=BERLIN)  # the seed article, a Wednesday
THU_DEC30 = datetime(2021, 12, 30, 10, 0, tzinfo=BERLIN)
MON_FEB28 = datetime(2022, 2, 28, 12, 0, tzinfo=BERLIN)
SAT_DEC31 = datetime(2022, 12, 31, 18, 0, tzinfo=BERLIN)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d27454c361ced20d.txt"

# lang, published, sentence, matched text, kind, start, end, precision, extra.
# `extra` is the clock time ("HH:MM") or part of day for dates and times, and the ISO 8601
# duration for durations and sets.
ROWS = [
    # weekdays, by tense
    ("de", WED, "Die Außenminister trafen sich am Montag in Brüssel.", "am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Scholz hatte am Montag mit Biden telefoniert.", "am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    # "zu" before an adjective is no infinitive of the future
    ("de", WED, "Nachdem Algier am Montag zwölf Mitarbeiter der französischen Botschaft und der Konsulate zu unerwünschten Personen erklärt hatte, schlug Paris zurück.", "am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Scholz reist, um am Montag in Moskau zu verhandeln.", "am Montag", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("de", WED, "Stoltenberg sagte am Montag, die Nato sei bereit.", "am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Baerbock will am Montag nach Moskau reisen.", "am Montag", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("de", WED, "Das Treffen soll am Freitag stattfinden.", "am Freitag", "date", "2022-01-14", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Der Rat wird am Donnerstag zusammenkommen.", "am Donnerstag", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("de", WED, "Am kommenden Montag beginnt die Konferenz.", "Am kommenden Montag", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("de", WED, "Am Mittwoch treffen sich die Minister in Brest.", "Am Mittwoch", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("de", WED, "Am Donnerstag treffen sich die Minister.", "Am Donnerstag", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("de", WED, "Am vergangenen Freitag war er in Kiew.", "Am vergangenen Freitag", "date", "2022-01-07", "2022-01-07", "day", None),  # noqa: E501
    ("de", WED, "Die Gespräche hatten am Dienstag begonnen.", "am Dienstag", "date", "2022-01-11", "2022-01-11", "day", None),  # noqa: E501
    ("de", WED, "Am Montag haben sich die Unterhändler in Genf getroffen.", "Am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Er reiste am Sonntag nach Washington.", "am Sonntag", "date", "2022-01-09", "2022-01-09", "day", None),  # noqa: E501
    ("de", WED, "Am Samstag werden die Ergebnisse erwartet.", "Am Samstag", "date", "2022-01-15", "2022-01-15", "day", None),  # noqa: E501
    ("de", WED, "Macron sagte, die Minister würden am Freitag beraten.", "am Freitag", "date", "2022-01-14", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Er kündigte an, am Freitag nach Kiew zu reisen.", "am Freitag", "date", "2022-01-14", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Die Minister kommen am Donnerstagabend zusammen.", "am Donnerstagabend", "date", "2022-01-13", "2022-01-13", "day", "evening"),  # noqa: E501
    ("de", WED, "Die Gespräche endeten Montagmorgen ohne Ergebnis.", "Montagmorgen", "date", "2022-01-10", "2022-01-10", "day", "morning"),  # noqa: E501
    ("de", WED, "Die Explosion ereignete sich in der Nacht zu Mittwoch.", "in der Nacht zu Mittwoch", "date", "2022-01-12", "2022-01-12", "day", "night"),  # noqa: E501
    ("de", WED, "In der Nacht zum Dienstag griffen Rebellen an.", "In der Nacht zum Dienstag", "date", "2022-01-11", "2022-01-11", "day", "night"),  # noqa: E501
    ("de", WED, "Am heutigen Mittwoch beraten die Botschafter.", "Am heutigen Mittwoch", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("de", WED, "Seit Montag verhandeln die Delegationen.", "Seit Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Beim Gipfel am Samstag ist kein Treffen vorgesehen.", "am Samstag", "date", "2022-01-15", "2022-01-15", "day", None),  # noqa: E501
    ("de", WED, "Am Samstag ist ein Treffen geplant.", "Am Samstag", "date", "2022-01-15", "2022-01-15", "day", None),  # noqa: E501
    ("de", WED, "Es war ein Gipfel, zu dem Biden am Montagabend (Ortszeit) die Präsidenten Kasachstans, Usbekistans und Kirgistans geladen hatte.", "am Montagabend", "date", "2022-01-10", "2022-01-10", "day", "evening"),  # noqa: E501
    # a weekday of a named week: that week's day, whatever the tense or the publication day
    ("de", WED, "Der Rat soll am Freitag kommender Woche abstimmen.", "am Freitag kommender Woche", "date", "2022-01-21", "2022-01-21", "day", None),  # noqa: E501
    ("de", WED, "Am Montag der kommenden Woche reist sie nach Kiew.", "Am Montag der kommenden Woche", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("de", WED, "Er war am Donnerstag vergangener Woche in Paris.", "am Donnerstag vergangener Woche", "date", "2022-01-06", "2022-01-06", "day", None),  # noqa: E501
    ("en", WED, "The council is to vote on Friday next week.", "on Friday next week", "date", "2022-01-21", "2022-01-21", "day", None),  # noqa: E501
    ("en", WED, "He was in Paris on Thursday of last week.", "on Thursday of last week", "date", "2022-01-06", "2022-01-06", "day", None),  # noqa: E501
    ("de", WED, "Am Dienstag und Mittwoch kommender Woche beraten sie.", "Am Dienstag und Mittwoch kommender Woche", "date", "2022-01-18", "2022-01-19", "day", None),  # noqa: E501
    ("en", WED, "They meet on Monday and Tuesday next week.", "on Monday and Tuesday next week", "date", "2022-01-17", "2022-01-18", "day", None),  # noqa: E501
    # today, yesterday, tomorrow and parts of day
    ("de", WED, "Der Rat tagt heute Vormittag in Brüssel.", "heute Vormittag", "date", "2022-01-12", "2022-01-12", "day", "morning"),  # noqa: E501
    ("de", WED, "Gestern Abend sprach Biden mit Putin.", "Gestern Abend", "date", "2022-01-11", "2022-01-11", "day", "evening"),  # noqa: E501
    ("de", WED, "Die Delegation reist morgen früh ab.", "morgen früh", "date", "2022-01-13", "2022-01-13", "day", "morning"),  # noqa: E501
    ("de", WED, "Die Sitzung beginnt morgen in Wien.", "morgen", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("de", WED, "Heute Morgen landete die Maschine in Kiew.", "Heute Morgen", "date", "2022-01-12", "2022-01-12", "day", "morning"),  # noqa: E501
    ("de", WED, "Übermorgen will er nach Paris.", "Übermorgen", "date", "2022-01-14", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Vorgestern hatte er noch gewarnt.", "Vorgestern", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Morgen reist die Ministerin nach Kiew.", "Morgen", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("de", WED, "Beim gestrigen Treffen ging es um Gas.", "gestrigen", "date", "2022-01-11", "2022-01-11", "day", None),  # noqa: E501
    ("de", WED, "Heute Nacht wird abgestimmt.", "Heute Nacht", "date", "2022-01-12", "2022-01-12", "day", "night"),  # noqa: E501
    ("de", WED, "Am Morgen hatte die Polizei den Platz geräumt.", "Am Morgen", "time", None, None, None, "morning"),  # noqa: E501
    ("de", WED, "Sie trafen sich am späten Abend im Kanzleramt.", "am späten Abend", "time", None, None, None, "evening"),  # noqa: E501
    # clock times, alone and joined to a date
    ("de", WED, "Die Sitzung beginnt heute um 14 Uhr.", "heute um 14 Uhr", "date", "2022-01-12", "2022-01-12", "day", "14:00"),  # noqa: E501
    ("de", WED, "Am Montag um 10 Uhr beginnt die Sitzung.", "Am Montag um 10 Uhr", "date", "2022-01-17", "2022-01-17", "day", "10:00"),  # noqa: E501
    ("de", WED, "Die Abstimmung ist um 14.30 Uhr geplant.", "um 14.30 Uhr", "time", None, None, None, "14:30"),  # noqa: E501
    ("de", WED, "Beginn ist 14:30 Uhr im großen Saal.", "14:30 Uhr", "time", None, None, None, "14:30"),  # noqa: E501
    ("de", WED, "Die Delegation traf gegen 9 Uhr ein.", "gegen 9 Uhr", "time", None, None, None, "09:00"),  # noqa: E501
    ("de", WED, "Die Pressekonferenz beginnt um 14 Uhr MEZ.", "um 14 Uhr MEZ", "time", None, None, None, "14:00"),  # noqa: E501
    ("de", WED, "Stand: 12.01.2022 03:55 Uhr", "12.01.2022 03:55 Uhr", "date", "2022-01-12", "2022-01-12", "day", "03:55"),  # noqa: E501
    ("de", WED, "Der Gipfel beginnt am 20. Januar um 9.30 Uhr.", "am 20. Januar um 9.30 Uhr", "date", "2022-01-20", "2022-01-20", "day", "09:30"),  # noqa: E501
    # weeks, months, years
    ("de", WED, "In dieser Woche wird weiter verhandelt.", "In dieser Woche", "date", "2022-01-10", "2022-01-16", "week", None),  # noqa: E501
    ("de", WED, "Nächste Woche reist er nach Kiew.", "Nächste Woche", "date", "2022-01-17", "2022-01-23", "week", None),  # noqa: E501
    ("de", WED, "Die Minister hatten sich vergangene Woche getroffen.", "vergangene Woche", "date", "2022-01-03", "2022-01-09", "week", None),  # noqa: E501
    ("de", WED, "In der kommenden Woche sollen die Gespräche weitergehen.", "In der kommenden Woche", "date", "2022-01-17", "2022-01-23", "week", None),  # noqa: E501
    ("de", WED, "Ende der Woche soll eine Entscheidung fallen.", "Ende der Woche", "date", "2022-01-14", "2022-01-16", "week", None),  # noqa: E501
    ("de", WED, "Die Antwort kommt Anfang nächster Woche.", "Anfang nächster Woche", "date", "2022-01-17", "2022-01-18", "week", None),  # noqa: E501
    ("de", WED, "Mitte der Woche wollen sie sich erneut treffen.", "Mitte der Woche", "date", "2022-01-12", "2022-01-13", "week", None),  # noqa: E501
    ("de", WED, "Im vergangenen Monat war er in Peking.", "Im vergangenen Monat", "date", "2021-12-01", "2021-12-31", "month", None),  # noqa: E501
    ("de", WED, "Die Wahl findet nächsten Monat statt.", "nächsten Monat", "date", "2022-02-01", "2022-02-28", "month", None),  # noqa: E501
    ("de", WED, "In diesem Jahr soll der Vertrag stehen.", "In diesem Jahr", "date", "2022-01-01", "2022-12-31", "year", None),  # noqa: E501
    ("de", WED, "Im vergangenen Jahr gab es drei Treffen.", "Im vergangenen Jahr", "date", "2021-01-01", "2021-12-31", "year", None),  # noqa: E501
    ("de", WED, "Letztes Jahr hatte er gewarnt.", "Letztes Jahr", "date", "2021-01-01", "2021-12-31", "year", None),  # noqa: E501
    ("de", WED, "Im Vorjahr waren es weniger Soldaten.", "Im Vorjahr", "date", "2021-01-01", "2021-12-31", "year", None),  # noqa: E501
    ("de", WED, "Am Wochenende wollen die Minister beraten.", "Am Wochenende", "date", "2022-01-15", "2022-01-16", "day", None),  # noqa: E501
    ("de", WED, "Am vergangenen Wochenende hatte es Proteste gegeben.", "Am vergangenen Wochenende", "date", "2022-01-08", "2022-01-09", "day", None),  # noqa: E501
    ("de", WED, "Bis Ende des Monats soll ein Entwurf vorliegen.", "Ende des Monats", "date", "2022-01-21", "2022-01-31", "month", None),  # noqa: E501
    ("de", WED, "Die Truppen sollen zum Jahresende abziehen.", "zum Jahresende", "date", "2022-09-01", "2022-12-31", "year", None),  # noqa: E501
    # early/mid/late
    ("de", WED, "Anfang Februar soll es einen Gipfel geben.", "Anfang Februar", "date", "2022-02-01", "2022-02-10", "month", None),  # noqa: E501
    ("de", WED, "Mitte Februar wollen die Außenminister beraten.", "Mitte Februar", "date", "2022-02-11", "2022-02-20", "month", None),  # noqa: E501
    ("de", WED, "Ende Januar will er nach Washington reisen.", "Ende Januar", "date", "2022-01-21", "2022-01-31", "month", None),  # noqa: E501
    ("de", WED, "Ende Dezember hatten sich beide getroffen.", "Ende Dezember", "date", "2021-12-21", "2021-12-31", "month", None),  # noqa: E501
    ("de", WED, "Anfang 2022 sollen die Verhandlungen beginnen.", "Anfang 2022", "date", "2022-01-01", "2022-04-30", "year", None),  # noqa: E501
    ("de", WED, "Mitte 2021 war die Lage ruhiger.", "Mitte 2021", "date", "2021-05-01", "2021-08-31", "year", None),  # noqa: E501
    # seasons and quarters
    ("de", WED, "Im Frühjahr sollen Wahlen stattfinden.", "Im Frühjahr", "date", "2022-03-01", "2022-05-31", "season", None),  # noqa: E501
    ("de", WED, "Der Abzug ist im Sommer 2022 geplant.", "im Sommer 2022", "date", "2022-06-01", "2022-08-31", "season", None),  # noqa: E501
    ("de", WED, "Im vergangenen Herbst war er in Moskau.", "Im vergangenen Herbst", "date", "2021-09-01", "2021-11-30", "season", None),  # noqa: E501
    ("de", WED, "Im Winter ist die Versorgung schwierig.", "Im Winter", "date", "2021-12-01", "2022-02-28", "season", None),  # noqa: E501
    ("de", WED, "Die Gespräche begannen im Herbst vergangenen Jahres.", "im Herbst vergangenen Jahres", "date", "2021-09-01", "2021-11-30", "season", None),  # noqa: E501
    ("de", WED, "Im ersten Quartal soll die Pipeline fertig sein.", "Im ersten Quartal", "date", "2022-01-01", "2022-03-31", "quarter", None),  # noqa: E501
    ("de", WED, "Im dritten Quartal 2021 stiegen die Preise.", "Im dritten Quartal 2021", "date", "2021-07-01", "2021-09-30", "quarter", None),  # noqa: E501
    ("de", WED, "Die Zahlen für Q1 2022 liegen vor.", "Q1 2022", "date", "2022-01-01", "2022-03-31", "quarter", None),  # noqa: E501
    # day and month, with and without a year
    ("de", WED, "Die Konferenz beginnt am 12. Januar in Genf.", "am 12. Januar", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("de", WED, "Das Abkommen wurde am 12. Januar 2022 unterzeichnet.", "am 12. Januar 2022", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("de", WED, "Die Frist endet am 20.01.2022 um Mitternacht.", "am 20.01.2022 um Mitternacht", "date", "2022-01-20", "2022-01-20", "day", "00:00"),  # noqa: E501
    ("de", WED, "Die Frist endet am 20.01. in Genf.", "am 20.01.", "date", "2022-01-20", "2022-01-20", "day", None),  # noqa: E501
    ("de", WED, "Am 18. Jan. treffen sich die Minister erneut.", "Am 18. Jan.", "date", "2022-01-18", "2022-01-18", "day", None),  # noqa: E501
    ("de", WED, "Am 28. Dezember hatte Putin gewarnt.", "Am 28. Dezember", "date", "2021-12-28", "2021-12-28", "day", None),  # noqa: E501
    ("de", WED, "Am 3. März hatte Russland Manöver angekündigt.", "Am 3. März", "date", "2021-03-03", "2021-03-03", "day", None),  # noqa: E501
    ("de", WED, "Am Montag, 10. Januar, trafen sich die Unterhändler.", "Am Montag, 10. Januar", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Am 12. Jänner beginnt in Wien die Konferenz.", "Am 12. Jänner", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("de", WED, "Das Treffen fand am 30. Sept. 2021 statt.", "am 30. Sept. 2021", "date", "2021-09-30", "2021-09-30", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Die Gespräche beginnen am 3. Januar.", "am 3. Januar", "date", "2022-01-03", "2022-01-03", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Am 2. Januar will Biden mit Selenskyj telefonieren.", "Am 2. Januar", "date", "2022-01-02", "2022-01-02", "day", None),  # noqa: E501
    ("de", MON_FEB28, "Am 1. März beginnt die Konferenz.", "Am 1. März", "date", "2022-03-01", "2022-03-01", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Am 3. Januar soll die Sitzung stattfinden.", "Am 3. Januar", "date", "2023-01-03", "2023-01-03", "day", None),  # noqa: E501
    # ranges
    ("de", WED, "Die Manöver dauern vom 12. bis 14. Januar.", "vom 12. bis 14. Januar", "date", "2022-01-12", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Der Gipfel findet im November kommenden Jahres statt.", "im November kommenden Jahres", "date", "2023-11-01", "2023-11-30", "month", None),  # noqa: E501
    ("de", WED, "Das war im März vergangenen Jahres.", "im März vergangenen Jahres", "date", "2021-03-01", "2021-03-31", "month", None),  # noqa: E501
    ("en", WED, "The next meeting is in March next year.", "in March next year", "date", "2023-03-01", "2023-03-31", "month", None),  # noqa: E501
    ("de", WED, "Am Ostersonntag trafen sie sich in Rom.", "Am Ostersonntag", "date", "2021-04-04", "2021-04-04", "day", None),  # noqa: E501
    ("en", WED, "They will meet on Good Friday.", "on Good Friday", "date", "2022-04-15", "2022-04-15", "day", None),  # noqa: E501
    ("de", WED, "An Heiligabend telefonierten sie.", "An Heiligabend", "date", "2021-12-24", "2021-12-24", "day", None),  # noqa: E501
    ("en", WED, "Xi stays for the summit on Jan. 13–14. Trump left early.", "on Jan. 13–14", "date", "2022-01-13", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Beim Gipfel am vergangenen Montag und Dienstag einigten sie sich.", "am vergangenen Montag und Dienstag", "date", "2022-01-10", "2022-01-11", "day", None),  # noqa: E501
    ("en", WED, "The ministers met last Monday and Tuesday.", "last Monday and Tuesday", "date", "2022-01-10", "2022-01-11", "day", None),  # noqa: E501
    ("de", WED, "Die Minister treffen sich 12. bis 14. Januar in Brest.", "12. bis 14. Januar", "date", "2022-01-12", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Das Treffen findet am 12.-14. Januar statt.", "12.-14. Januar", "date", "2022-01-12", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Die Staaten kommen am 13. und 14. Januar in Brest zusammen.", "13. und 14. Januar", "date", "2022-01-13", "2022-01-14", "day", None),  # noqa: E501
    ("en", WED, "The leaders meet on January 20 and 21.", "on January 20 and 21", "date", "2022-01-20", "2022-01-21", "day", None),  # noqa: E501
    ("de", WED, "Scholz ist am Montag in Paris empfangen worden.", "am Montag", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Es soll zwischen dem 12. und 14. Januar stattfinden.", "zwischen dem 12. und 14. Januar", "date", "2022-01-12", "2022-01-14", "day", None),  # noqa: E501
    ("de", WED, "Die Messe läuft vom 30. Januar bis 2. Februar.", "vom 30. Januar bis 2. Februar", "date", "2022-01-30", "2022-02-02", "day", None),  # noqa: E501
    ("de", WED, "Die Übung läuft vom 12.01. bis 14.01.2022 in Belarus.", "vom 12.01. bis 14.01.2022", "date", "2022-01-12", "2022-01-14", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Die Feiern dauern vom 28. Dezember bis 3. Januar.", "vom 28. Dezember bis 3. Januar", "date", "2022-12-28", "2023-01-03", "day", None),  # noqa: E501
    ("de", WED, "Die Minister beraten von Montag bis Mittwoch.", "von Montag bis Mittwoch", "date", "2022-01-17", "2022-01-19", "day", None),  # noqa: E501
    ("de", WED, "Die Gespräche dauerten von Montag bis Mittwoch.", "von Montag bis Mittwoch", "date", "2022-01-10", "2022-01-12", "day", None),  # noqa: E501
    # months and years alone
    ("de", WED, "Im März sollen Wahlen stattfinden.", "Im März", "date", "2022-03-01", "2022-03-31", "month", None),  # noqa: E501
    ("de", WED, "Im Januar wird ein neuer Gipfel erwartet.", "Im Januar", "date", "2022-01-01", "2022-01-31", "month", None),  # noqa: E501
    ("de", WED, "Im Dezember hatten die Gespräche begonnen.", "Im Dezember", "date", "2021-12-01", "2021-12-31", "month", None),  # noqa: E501
    ("de", WED, "Im vergangenen November war er in Minsk.", "Im vergangenen November", "date", "2021-11-01", "2021-11-30", "month", None),  # noqa: E501
    ("de", SAT_DEC31, "Im Januar soll der Vertrag unterzeichnet werden.", "Im Januar", "date", "2023-01-01", "2023-01-31", "month", None),  # noqa: E501
    ("de", WED, "Im Februar 2021 hatte er Moskau besucht.", "Im Februar 2021", "date", "2021-02-01", "2021-02-28", "month", None),  # noqa: E501
    ("de", WED, "Im Jahr 2014 annektierte Russland die Krim.", "Im Jahr 2014", "date", "2014-01-01", "2014-12-31", "year", None),  # noqa: E501
    ("de", WED, "Seit 2019 ist er im Amt.", "Seit 2019", "date", "2019-01-01", "2019-12-31", "year", None),  # noqa: E501
    ("de", WED, "Nach der Krim-Annexion 2014 verhängte die EU Sanktionen.", "2014", "date", "2014-01-01", "2014-12-31", "year", None),  # noqa: E501
    # offsets from publication
    ("de", WED, "Vor zwei Tagen hatte er gewarnt.", "Vor zwei Tagen", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("de", WED, "Das Treffen fand vor einer Woche statt.", "vor einer Woche", "date", "2022-01-03", "2022-01-09", "week", None),  # noqa: E501
    ("de", WED, "Vor drei Monaten begann der Aufmarsch.", "Vor drei Monaten", "date", "2021-10-01", "2021-10-31", "month", None),  # noqa: E501
    ("de", WED, "In zwei Wochen soll es weitergehen.", "In zwei Wochen", "date", "2022-01-24", "2022-01-30", "week", None),  # noqa: E501
    ("de", WED, "In drei Tagen läuft das Ultimatum ab.", "In drei Tagen", "date", "2022-01-15", "2022-01-15", "day", None),  # noqa: E501
    ("de", WED, "Vor einem Jahr war die Lage anders.", "Vor einem Jahr", "date", "2021-01-01", "2021-12-31", "year", None),  # noqa: E501
    ("de", WED, "In den vergangenen Wochen gab es viele Telefonate.", "In den vergangenen Wochen", "date", "2021-12-22", "2022-01-12", "week", None),  # noqa: E501
    ("de", WED, "In den kommenden Tagen wird eine Antwort erwartet.", "In den kommenden Tagen", "date", "2022-01-12", "2022-01-15", "day", None),  # noqa: E501
    ("de", WED, "In den letzten zwei Wochen gab es drei Treffen.", "In den letzten zwei Wochen", "date", "2021-12-29", "2022-01-12", "week", None),  # noqa: E501
    # durations
    ("de", WED, "Seit zwei Jahren ruht der Rat.", "Seit zwei Jahren", "duration", None, None, None, "P2Y"),  # noqa: E501
    ("de", WED, "Die Gespräche liefen zwei Jahre lang.", "zwei Jahre lang", "duration", None, None, None, "P2Y"),  # noqa: E501
    ("de", WED, "Mehr als zwei Jahre kam keine Sitzung zustande.", "Mehr als zwei Jahre", "duration", None, None, None, "P2Y"),  # noqa: E501
    ("de", WED, "Die Regierung will binnen drei Tagen antworten.", "binnen drei Tagen", "duration", None, None, None, "P3D"),  # noqa: E501
    ("de", WED, "Seit Jahren streiten beide Seiten.", "Seit Jahren", "duration", None, None, None, "PXY"),  # noqa: E501
    ("de", WED, "Die Frist endet innerhalb von 24 Stunden.", "innerhalb von 24 Stunden", "duration", None, None, None, "PT24H"),  # noqa: E501
    ("de", WED, "Drei Tage später trafen sie sich erneut.", "Drei Tage später", "duration", None, None, None, "P3D"),  # noqa: E501
    ("de", WED, "Die Verhandlungen zogen sich wochenlang hin.", "wochenlang", "duration", None, None, None, "PXW"),  # noqa: E501
    ("de", WED, "Die Mission dauert sechs Monate.", "sechs Monate", "duration", None, None, None, "P6M"),  # noqa: E501
    # recurring
    ("de", WED, "Die Botschafter treffen sich jeden Montag.", "jeden Montag", "set", None, None, None, "P1W"),  # noqa: E501
    ("de", WED, "Die Lage wird wöchentlich bewertet.", "wöchentlich", "set", None, None, None, "P1W"),  # noqa: E501
    ("de", WED, "Die Behörde berichtet täglich.", "täglich", "set", None, None, None, "P1D"),
    ("de", WED, "Die Runde tagt montags im Kanzleramt.", "montags", "set", None, None, None, "P1W"),
    # around the turn of the year and the end of February
    ("de", THU_DEC30, "Er traf sich am Montag mit Macron.", "am Montag", "date", "2021-12-27", "2021-12-27", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Er will am Montag nach Paris reisen.", "am Montag", "date", "2022-01-03", "2022-01-03", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Nächste Woche beginnen die Gespräche.", "Nächste Woche", "date", "2022-01-03", "2022-01-09", "week", None),  # noqa: E501
    ("de", THU_DEC30, "Die Wahl findet nächsten Monat statt.", "nächsten Monat", "date", "2022-01-01", "2022-01-31", "month", None),  # noqa: E501
    ("de", THU_DEC30, "Im kommenden Jahr soll der Vertrag stehen.", "Im kommenden Jahr", "date", "2022-01-01", "2022-12-31", "year", None),  # noqa: E501
    ("de", THU_DEC30, "Anfang Januar soll es Gespräche geben.", "Anfang Januar", "date", "2022-01-01", "2022-01-10", "month", None),  # noqa: E501
    ("de", THU_DEC30, "Die Sitzung ist morgen.", "morgen", "date", "2021-12-31", "2021-12-31", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Die Delegation kommt übermorgen an.", "übermorgen", "date", "2022-01-01", "2022-01-01", "day", None),  # noqa: E501
    ("de", THU_DEC30, "Mitte Dezember hatte er gewarnt.", "Mitte Dezember", "date", "2021-12-11", "2021-12-20", "month", None),  # noqa: E501
    ("de", MON_FEB28, "Am Freitag hatte er mit Putin gesprochen.", "Am Freitag", "date", "2022-02-25", "2022-02-25", "day", None),  # noqa: E501
    ("de", MON_FEB28, "Am Freitag will er mit Putin sprechen.", "Am Freitag", "date", "2022-03-04", "2022-03-04", "day", None),  # noqa: E501
    ("de", MON_FEB28, "Diese Woche beraten die Staats- und Regierungschefs.", "Diese Woche", "date", "2022-02-28", "2022-03-06", "week", None),  # noqa: E501
    ("de", MON_FEB28, "Ende Februar hatten die Gespräche begonnen.", "Ende Februar", "date", "2022-02-21", "2022-02-28", "month", None),  # noqa: E501
    ("de", MON_FEB28, "Anfang März soll es weitergehen.", "Anfang März", "date", "2022-03-01", "2022-03-10", "month", None),  # noqa: E501
    ("de", MON_FEB28, "Im kommenden Monat soll gewählt werden.", "Im kommenden Monat", "date", "2022-03-01", "2022-03-31", "month", None),  # noqa: E501
    ("de", MON_FEB28, "Die Sitzung beginnt morgen.", "morgen", "date", "2022-03-01", "2022-03-01", "day", None),  # noqa: E501
    ("de", MON_FEB28, "Mitte der Woche soll es eine Antwort geben.", "Mitte der Woche", "date", "2022-03-02", "2022-03-03", "week", None),  # noqa: E501
    ("de", SAT_DEC31, "Die Sitzung ist morgen.", "morgen", "date", "2023-01-01", "2023-01-01", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Nächstes Jahr soll der Vertrag stehen.", "Nächstes Jahr", "date", "2023-01-01", "2023-12-31", "year", None),  # noqa: E501
    ("de", SAT_DEC31, "Am Montag will der Rat beraten.", "Am Montag", "date", "2023-01-02", "2023-01-02", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Am Freitag trafen sich die Minister.", "Am Freitag", "date", "2022-12-30", "2022-12-30", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Anfang Januar sollen Gespräche folgen.", "Anfang Januar", "date", "2023-01-01", "2023-01-10", "month", None),  # noqa: E501
    ("de", SAT_DEC31, "Am Samstag demonstrierten Tausende.", "Am Samstag", "date", "2022-12-31", "2022-12-31", "day", None),  # noqa: E501
    ("de", SAT_DEC31, "Vergangene Woche hatte er gewarnt.", "Vergangene Woche", "date", "2022-12-19", "2022-12-25", "week", None),  # noqa: E501
    ("de", SAT_DEC31, "Nächste Woche reist er nach Kiew.", "Nächste Woche", "date", "2023-01-02", "2023-01-08", "week", None),  # noqa: E501
    ("de", SAT_DEC31, "Im ersten Quartal soll die Pipeline fertig sein.", "Im ersten Quartal", "date", "2023-01-01", "2023-03-31", "quarter", None),  # noqa: E501
    # English: weekdays by tense
    ("en", WED, "The ministers met on Monday in Brussels.", "on Monday", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("en", WED, "Blinken said on Monday that talks would continue.", "on Monday", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("en", WED, "Blinken will travel to Kyiv on Monday.", "on Monday", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("en", WED, "The council is due to meet on Thursday.", "on Thursday", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("en", WED, "The ministers meet on Thursday in Brest.", "on Thursday", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("en", WED, "Talks resume next Monday in Geneva.", "next Monday", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
    ("en", WED, "He was in Kyiv last Friday.", "last Friday", "date", "2022-01-07", "2022-01-07", "day", None),  # noqa: E501
    ("en", WED, "The envoys arrived on Tuesday evening.", "on Tuesday evening", "date", "2022-01-11", "2022-01-11", "day", "evening"),  # noqa: E501
    ("en", WED, "Officials held talks on Monday morning.", "on Monday morning", "date", "2022-01-10", "2022-01-10", "day", "morning"),  # noqa: E501
    ("en", WED, "The summit on Wednesday will focus on Ukraine.", "on Wednesday", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    # English: today and parts of day
    ("en", WED, "The NATO-Russia Council meets today.", "today", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "Putin spoke with Biden yesterday.", "yesterday", "date", "2022-01-11", "2022-01-11", "day", None),  # noqa: E501
    ("en", WED, "The delegation leaves tomorrow morning.", "tomorrow morning", "date", "2022-01-13", "2022-01-13", "day", "morning"),  # noqa: E501
    ("en", WED, "The ambassadors met this morning.", "this morning", "date", "2022-01-12", "2022-01-12", "day", "morning"),  # noqa: E501
    ("en", WED, "Explosions were heard last night.", "last night", "date", "2022-01-11", "2022-01-11", "day", "night"),  # noqa: E501
    ("en", WED, "The vote is expected tonight.", "tonight", "date", "2022-01-12", "2022-01-12", "day", "night"),  # noqa: E501
    ("en", WED, "He arrived the day before yesterday.", "the day before yesterday", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("en", WED, "The talks begin today at 3 p.m.", "today at 3 p.m.", "date", "2022-01-12", "2022-01-12", "day", "15:00"),  # noqa: E501
    ("en", WED, "The briefing starts at 2 p.m. local time.", "at 2 p.m. local time", "time", None, None, None, "14:00"),  # noqa: E501
    ("en", WED, "The meeting starts at 14:00 GMT.", "at 14:00 GMT", "time", None, None, None, "14:00"),  # noqa: E501
    ("en", WED, "The leaders will speak at noon.", "at noon", "time", None, None, None, "12:00"),
    # English: weeks, months, years
    ("en", WED, "Diplomacy is in high gear this week.", "this week", "date", "2022-01-10", "2022-01-16", "week", None),  # noqa: E501
    ("en", WED, "The ministers met in Harare, Zimbabwe, on Monday to draw up a plan to end it.", "on Monday", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("en", WED, "A summit is planned next month.", "next month", "date", "2022-02-01", "2022-02-28", "month", None),  # noqa: E501
    ("en", WED, "Troops massed at the border last year.", "last year", "date", "2021-01-01", "2021-12-31", "year", None),  # noqa: E501
    ("en", WED, "More talks are expected in the coming week.", "in the coming week", "date", "2022-01-17", "2022-01-23", "week", None),  # noqa: E501
    ("en", WED, "A decision is expected by the end of the week.", "the end of the week", "date", "2022-01-14", "2022-01-16", "week", None),  # noqa: E501
    ("en", WED, "A second round is planned later this week.", "later this week", "date", "2022-01-12", "2022-01-16", "week", None),  # noqa: E501
    ("en", WED, "The minister visited Kyiv earlier this month.", "earlier this month", "date", "2022-01-01", "2022-01-12", "month", None),  # noqa: E501
    ("en", WED, "The allies will meet this weekend.", "this weekend", "date", "2022-01-15", "2022-01-16", "day", None),  # noqa: E501
    ("en", WED, "The ministers will meet in early February.", "early February", "date", "2022-02-01", "2022-02-10", "month", None),  # noqa: E501
    ("en", WED, "A summit is planned for mid-February.", "mid-February", "date", "2022-02-11", "2022-02-20", "month", None),  # noqa: E501
    ("en", WED, "The talks began in late December.", "late December", "date", "2021-12-21", "2021-12-31", "month", None),  # noqa: E501
    ("en", WED, "The pipeline could open in early 2022.", "early 2022", "date", "2022-01-01", "2022-04-30", "year", None),  # noqa: E501
    ("en", WED, "Elections are expected this spring.", "this spring", "date", "2022-03-01", "2022-05-31", "season", None),  # noqa: E501
    ("en", WED, "Elections are expected in the autumn.", "in the autumn", "date", "2022-09-01", "2022-11-30", "season", None),  # noqa: E501
    ("en", WED, "Growth slowed in the first quarter.", "in the first quarter", "date", "2022-01-01", "2022-03-31", "quarter", None),  # noqa: E501
    ("en", WED, "The talks ran from Monday to Wednesday.", "from Monday to Wednesday", "date", "2022-01-10", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "Talks will resume in January.", "in January", "date", "2022-01-01", "2022-01-31", "month", None),  # noqa: E501
    ("en", WED, "The vote is set for March 2022.", "March 2022", "date", "2022-03-01", "2022-03-31", "month", None),  # noqa: E501
    ("en", WED, "He visited Moscow last December.", "last December", "date", "2021-12-01", "2021-12-31", "month", None),  # noqa: E501
    ("en", WED, "Russia annexed Crimea in 2014.", "in 2014", "date", "2014-01-01", "2014-12-31", "year", None),  # noqa: E501
    ("en", WED, "Sanctions have been in place since 2014.", "since 2014", "date", "2014-01-01", "2014-12-31", "year", None),  # noqa: E501
    # English: calendar dates and ranges
    ("en", WED, "The summit opens on Jan. 12 in Geneva.", "on Jan. 12", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "The accord was signed on January 12, 2022.", "on January 12, 2022", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "The accord was signed on 12 January 2022.", "on 12 January 2022", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "The deadline is Jan 12th.", "Jan 12th", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "Talks are set for the 18th of January.", "the 18th of January", "date", "2022-01-18", "2022-01-18", "day", None),  # noqa: E501
    ("en", WED, "The statement is dated 12/01/2022.", "12/01/2022", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "The statement is dated 01/13/2022.", "01/13/2022", "date", "2022-01-13", "2022-01-13", "day", None),  # noqa: E501
    ("en", WED, "The statement is dated 2022-01-12.", "2022-01-12", "date", "2022-01-12", "2022-01-12", "day", None),  # noqa: E501
    ("en", WED, "The exercise runs from Jan. 18 to 20.", "from Jan. 18 to 20", "date", "2022-01-18", "2022-01-20", "day", None),  # noqa: E501
    ("en", WED, "The exercise runs Jan. 18-20 in Belarus.", "Jan. 18-20", "date", "2022-01-18", "2022-01-20", "day", None),  # noqa: E501
    ("en", WED, "The exercise runs 18-20 January in Belarus.", "18-20 January", "date", "2022-01-18", "2022-01-20", "day", None),  # noqa: E501
    ("en", WED, "It will take place between January 18 and 20.", "between January 18 and 20", "date", "2022-01-18", "2022-01-20", "day", None),  # noqa: E501
    ("en", SAT_DEC31, "The talks will resume on January 3.", "on January 3", "date", "2023-01-03", "2023-01-03", "day", None),  # noqa: E501
    ("en", THU_DEC30, "The leaders met on December 20.", "on December 20", "date", "2021-12-20", "2021-12-20", "day", None),  # noqa: E501
    # English: offsets, durations, recurrences
    ("en", WED, "The talks collapsed two days ago.", "two days ago", "date", "2022-01-10", "2022-01-10", "day", None),  # noqa: E501
    ("en", WED, "He visited Kyiv a week ago.", "a week ago", "date", "2022-01-03", "2022-01-09", "week", None),  # noqa: E501
    ("en", WED, "A new round starts in two weeks.", "in two weeks", "date", "2022-01-24", "2022-01-30", "week", None),  # noqa: E501
    ("en", WED, "Diplomats have spoken often in recent weeks.", "in recent weeks", "date", "2021-12-22", "2022-01-12", "week", None),  # noqa: E501
    ("en", WED, "Tensions rose over the past week.", "over the past week", "date", "2022-01-05", "2022-01-12", "week", None),  # noqa: E501
    ("en", WED, "A reply is expected in the coming days.", "in the coming days", "date", "2022-01-12", "2022-01-15", "day", None),  # noqa: E501
    ("en", WED, "The troops will stay for three weeks.", "for three weeks", "duration", None, None, None, "P3W"),  # noqa: E501
    # anniversaries: the same day years back, not today; "bis heute" is so far, not a day
    ("de", WED, "Heute vor 80 Jahren unterzeichneten 50 Staaten die Charta.", "Heute vor 80 Jahren", "date", "1942-01-12", "1942-01-12", "day", None),  # noqa: E501
    ("de", WED, "Am 12. Januar 2020, heute vor genau zwei Jahren, einigten sie sich.", "heute vor genau zwei Jahren", "date", "2020-01-12", "2020-01-12", "day", None),  # noqa: E501
    ("en", WED, "Ten years ago today, the ministers signed the accord.", "Ten years ago today", "date", "2012-01-12", "2012-01-12", "day", None),  # noqa: E501
    ("de", WED, "Unterschrieben hat es bis heute keiner der beiden.", "bis heute", "duration", None, None, None, "PXD"),  # noqa: E501
    ("en", WED, "To this day, neither side has signed it.", "To this day", "duration", None, None, None, "PXD"),  # noqa: E501
    ("de", WED, "Die Minister beraten bis heute Abend.", "heute Abend", "date", "2022-01-12", "2022-01-12", "day", "evening"),  # noqa: E501
    ("en", WED, "The council had not met for more than two years.", "for more than two years", "duration", None, None, None, "P2Y"),  # noqa: E501
    ("en", WED, "The envoys meet every Tuesday.", "every Tuesday", "set", None, None, None, "P1W"),
    ("en", WED, "The ministers hold weekly calls.", "weekly", "set", None, None, None, "P1W"),
    # the passive future: "held" after "will be" is no past
    ("en", WED, "The next round will be held in Geneva in March.", "in March", "date", "2022-03-01", "2022-03-31", "month", None),  # noqa: E501
    ("en", WED, "The deal is to be signed on Monday.", "on Monday", "date", "2022-01-17", "2022-01-17", "day", None),  # noqa: E501
]  # fmt: skip


def _find(lang, published, sentence, phrase):
    found = tag_dates(sentence, published, lang)
    matches = [e for e in found if e.text == phrase]
    assert matches, f"{phrase!r} not found in {sentence!r}; got {[e.text for e in found]}"
    return matches[0]


def _iso(value):
    return value.isoformat() if value else None


@pytest.mark.parametrize(
    "lang, published, sentence, phrase, kind, start, end, precision, extra", ROWS
)
def test_it_resolves_the_phrase(
    lang, published, sentence, phrase, kind, start, end, precision, extra
):
    expression = _find(lang, published, sentence, phrase)
    value = expression.value
    assert sentence[expression.start : expression.end] == phrase
    assert (expression.kind, _iso(value.start), _iso(value.end)) == (kind, start, end)
    assert value.precision == precision
    if kind in ("duration", "set"):
        assert value.duration == extra
    elif extra and re.fullmatch(r"\d\d:\d\d", extra):
        assert value.time == extra
    else:
        assert (value.time, value.part_of_day) == (None, extra)
    assert expression.rule


def test_the_table_covers_enough_phrases():
    assert len(ROWS) >= 170
    assert {row[0] for row in ROWS} == {"de", "en"}


@pytest.mark.parametrize(
    "lang, sentence, rule",
    [
        ("de", "Die Außenminister trafen sich am Montag.", "weekday+past tense"),
        ("de", "Berlin ordnete am Montag die Schließung an.", "weekday+past tense"),
        ("de", "Das war eine Einigung, die Misri am Montag bekanntgab.", "weekday+past tense"),
        ("de", "Der Minister öffnete am Montag die Grenze.", "weekday+past tense"),
        ("de", "Baerbock will am Montag nach Moskau reisen.", "weekday+future tense"),
        ("de", "Am Donnerstag treffen sich die Minister.", "weekday+present tense"),
        ("de", "Am Mittwoch treffen sich die Minister.", "weekday=publication day"),
        ("de", "Der Rat tagt heute Vormittag.", "today+part of day"),
        (
            "de",
            "Die Konferenz beginnt am 12. Januar.",
            "day-month, year from publication (nearest)",
        ),
        ("de", "Das Abkommen wurde am 12. Januar 2022 unterzeichnet.", "explicit day-month-year"),
        ("de", "In dieser Woche wird verhandelt.", "relative week"),
        ("en", "The ministers met on Monday.", "weekday+past tense"),
        # an initial is no sentence end: the verb after "U.N." still tells the tense
        ("en", "On Monday, the U.N. Security Council voted to adopt it.", "weekday+past tense"),
        ("en", "Talks resume next Monday.", "weekday+explicit next"),
    ],
)
def test_it_names_how_each_date_was_resolved(lang, sentence, rule):
    (expression,) = [e for e in tag_dates(sentence, WED, lang) if e.kind == "date"]
    assert expression.rule == rule


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("de", "Die Nato verlegt 2000 Soldaten nach Litauen."),
        ("de", "Orbán warb für eine Waffenruhe über Weihnachten."),
        ("de", "Rund 2000 Soldaten sind im Einsatz."),
        ("de", "Der Sicherheitsrat verwies auf Resolution 2231."),
        ("de", "Mehr als 1.000 Menschen demonstrierten."),
        ("de", "Biden sprach mit 16 europäischen Regierungschefs."),
        ("de", "Die Regierung kommt auf mehr als 100 EU-Kontakte."),
        ("de", "Blinken twittert von mehr als zwei Dutzend Gesprächen."),
        ("de", "Artikel 5 des Nordatlantikvertrags regelt den Bündnisfall."),
        ("de", "Rückfragen unter Tel. 030 12345678 oder +49 30 2270-0."),
        ("de", "Die Inflation stieg auf 5,3 Prozent, der Etat auf 2,5 Milliarden Euro."),
        ("de", "Die G7 und die G20 beraten über Version 2.0 des Plans."),
        ("de", "Das Spiel endete 3:1 nach einem 2:0 zur Pause."),
        ("en", "NATO will deploy 2,000 troops to Lithuania."),
        ("en", "The council cited Resolution 2231 and Article 5."),
        ("en", "Inflation rose 5.3 percent to $2,000 per household."),
        ("en", "Talks may resume, officials said, as protesters march on."),
        ("en", "The G7 and G20 met; the score was 3:1."),
    ],
)
def test_numbers_that_are_no_dates_stay_untagged(lang, sentence):
    found = tag_dates(sentence, WED, lang)
    assert [e.text for e in found if e.kind in ("date", "time")] == []


def test_um_14_uhr_is_a_time_never_the_14th():
    (expression,) = tag_dates("Die Sitzung beginnt um 14 Uhr.", WED, "de")
    assert (expression.kind, expression.value.start, expression.value.time) == (
        "time",
        None,
        "14:00",
    )


@pytest.mark.parametrize(
    "lang, sentence, phrase, background",
    [
        ("de", "Seit 2019 ist er im Amt.", "Seit 2019", True),
        ("de", "Im Jahr 2014 annektierte Russland die Krim.", "Im Jahr 2014", True),
        ("de", "Nach der Krim-Annexion 2014 verhängte die EU Sanktionen.", "2014", True),
        ("de", "Seit Januar 2022 gelten neue Regeln.", "Seit Januar 2022", True),
        ("de", "Seit zwei Jahren ruht der Rat.", "Seit zwei Jahren", True),
        ("de", "Vor zehn Jahren begann der Streit.", "Vor zehn Jahren", True),
        ("de", "Die Außenminister trafen sich am Montag.", "am Montag", False),
        ("de", "Im vergangenen Jahr gab es drei Treffen.", "Im vergangenen Jahr", False),
        ("en", "Sanctions have been in place since 2014.", "since 2014", True),
        ("en", "The ministers met on Monday.", "on Monday", False),
    ],
)
def test_background_dates_are_marked(lang, sentence, phrase, background):
    assert _find(lang, WED, sentence, phrase).background is background


def test_approximate_expressions_say_so():
    assert _find("de", WED, "Mitte Februar wird gewählt.", "Mitte Februar").value.approximate
    assert _find("en", WED, "Talks resume in early February.", "early February").value.approximate
    assert not _find("de", WED, "Am 12. Januar wird gewählt.", "Am 12. Januar").value.approximate


def test_results_are_sorted_and_never_overlap():
    text = (
        "Am Montag trafen sich die Minister, am Mittwoch um 10 Uhr folgt der Rat. "
        "Vom 12. bis 14. Januar übt die Armee; seit zwei Jahren ruhen die Gespräche."
    )
    found = tag_dates(text, WED, "de")
    assert [e.text for e in found] == [
        "Am Montag",
        "am Mittwoch um 10 Uhr",
        "Vom 12. bis 14. Januar",
        "seit zwei Jahren",
    ]
    for earlier, later in zip(found, found[1:], strict=False):
        assert earlier.end <= later.start


# --- the seed article --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_expressions():
    return tag_dates(SEED.read_text(encoding="utf-8"), WED, "de")


def _seed(expressions, phrase):
    matches = [e for e in expressions if e.text.startswith(phrase)]
    assert matches, f"{phrase!r} not tagged; got {[e.text for e in expressions]}"
    return matches[0]


def test_seed_this_week_is_the_iso_week(seed_expressions):
    value = _seed(seed_expressions, "in dieser Woche").value
    assert (value.start, value.end, value.precision) == (
        date(2022, 1, 10),
        date(2022, 1, 16),
        "week",
    )


def test_seed_heute_vormittag_is_the_publication_morning(seed_expressions):
    value = _seed(seed_expressions, "heute Vormittag").value
    assert (value.start, value.end, value.part_of_day) == (date(2022, 1, 12),) * 2 + ("morning",)


def test_seed_header_stamp_reads_day_first(seed_expressions):
    expression = _seed(seed_expressions, "12.01.2022 03:55")
    assert (expression.value.start, expression.value.time) == (date(2022, 1, 12), "03:55")


def test_seed_more_than_two_years_is_a_duration(seed_expressions):
    expression = _seed(seed_expressions, "mehr als zwei Jahre")
    assert (expression.kind, expression.value.duration) == ("duration", "P2Y")


def test_seed_recent_weeks_end_at_publication(seed_expressions):
    value = _seed(seed_expressions, "in den vergangen Wochen").value
    assert value.approximate and value.precision == "week"
    assert value.start < date(2022, 1, 12) == value.end


def test_seed_counts_are_no_dates(seed_expressions):
    texts = " | ".join(e.text for e in seed_expressions)
    for number in ("16", "100", "Dutzend"):
        assert number not in texts


def test_seed_offsets_index_the_text(seed_expressions):
    text = SEED.read_text(encoding="utf-8")
    assert all(text[e.start : e.end] == e.text for e in seed_expressions)


# --- robustness --------------------------------------------------------------------------------

_DATEISH = st.sampled_from(
    ["am ", "Montag", " 12.", "01.", "2022", " Uhr", "Januar", " bis ", "vor ", "zwei ", "Wochen",
     "heute", " Abend", "Nacht zu ", "on ", "Jan. ", "18-20", " p.m.", "ago", "29. Februar",
     "31.04.", "Q4", "seit ", "Ende ", "Mitte", "29/02/2021", "00:61", "24:00", "Morgen", "."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=300), st.lists(_DATEISH, max_size=30).map("".join)),
    lang=st.sampled_from(["de", "en", "fr", ""]),
    published=st.sampled_from([WED, THU_DEC30, MON_FEB28, SAT_DEC31]),
)
def test_it_never_raises_and_offsets_always_index_the_text(text, lang, published):
    found = tag_dates(text, published, lang)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --- the tagger's shortcut ---------------------------------------------------------------------

_RULES_WITH_NEEDS = [
    pytest.param(rule, id=f"{lang}-{index}")
    for lang, rules in RULES.items()
    for index, rule in enumerate(rules)
    if rule.needs is not None
]


@pytest.mark.parametrize("rule", _RULES_WITH_NEEDS)
def test_what_a_rule_needs_is_in_every_text_it_matches(rule):
    # The tagger skips windows without what a rule needs; a wrong `needs` would lose dates.
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rule.pattern, fullmatch=True))
    def check(text):
        assume(not {"ı", "ſ", "İ"} & set(text))  # dates._lowered does without the shortcut
        assert rule.needs.search(text.lower())

    check()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(re.compile(_RELATIVE_PHRASE, re.IGNORECASE), fullmatch=True))
def test_every_story_relative_phrase_opens_as_its_lookahead_expects(text):
    # Story dates are only looked for where the lookahead lets them start.
    assert re.match(_OPENING, text, re.IGNORECASE)


def test_two_days_far_apart_joined_by_und_are_two_dates_not_a_range():
    found = tag_dates("Gewählt wird am 3. und 24. Januar.", WED, "de")
    assert [e.text for e in found] == ["24. Januar"]
    assert all(e.value.start == e.value.end for e in found if e.kind == "date")


@pytest.mark.parametrize(
    "sentence", ["He said earlier 2014 was a turning point.", "Later 2030 the treaty expires."]
)
def test_earlier_or_later_before_a_year_never_raises(sentence):
    [found] = tag_dates(sentence, WED, "en")
    year = int(found.text[-4:])
    assert found.value.start.year == found.value.end.year == year


@pytest.mark.parametrize(
    ("sentence", "month"),
    [("He said earlier April was cold.", 4), ("later Feb", 2), ("later December 2023", 12)],
)
def test_earlier_or_later_before_a_month_stays_in_that_month(sentence, month):
    [found] = tag_dates(sentence, WED, "en")
    assert found.value.start.month == found.value.end.month == month
    assert found.value.start <= found.value.end


def test_a_weekday_opening_a_sentence_takes_its_own_sentences_tense():
    text = "Am Mittwoch begann der Gipfel. Am Donnerstag beginnt in Wien ein Treffen."
    found = {e.text: e.value.start for e in tag_dates(text, WED, "de")}
    assert found["Am Donnerstag"] == date(2022, 1, 13)


@pytest.mark.parametrize(
    ("lang", "sentence", "phrase"),
    [
        ("en", "It was their second meeting in four months.", "in four months"),
        ("de", "Es war das erste Treffen in drei Jahren.", "in drei Jahren"),
    ],
)
def test_a_window_for_a_count_is_a_duration_not_a_date(lang, sentence, phrase):
    [found] = [e for e in tag_dates(sentence, WED, lang) if e.text == phrase]
    assert found.kind == "duration"
