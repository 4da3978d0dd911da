"""The history: one TinyDB JSON file per calendar month, written atomically under a lock.

- Writes: serialize, write a temp file in the same folder, fsync, os.replace. Writers hold an exclusive
  flock on `.lock` and open the month afresh under it (TinyDB caches its next id per open table, so two
  long-lived handles would collide).
- A file whose content does not parse is renamed aside to `<name>.corrupt-<timestamp>`, bytes untouched, and
  reported in `Store.problems`; the other months still load. Nothing unreadable is overwritten. A file that
  cannot be read at all (permission, I/O error) is reported and left exactly where it is.
- An import (`add_new`) is all or nothing, like SQLite's rollback journal: every month is staged in a temp
  file, the old months are kept as hard links and listed in a journal, then the temps are renamed into place;
  the journal's removal is the commit. A failure puts the old months back; a crash is rolled back by the next
  writer.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import json
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from coach.atomic_file import write_atomic
from coach.content.content import Content
from coach.history.month_order import newest_first
from coach.shown import visible

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter, ValidationError

    from coach.history.records import Profile, Record, Settings

# pydantic and the records' models are imported where records are read: `pain-coach log` may not need them.

TABLE = "records"
LOCK_TIMEOUT = 5.0
_M = TypeVar("_M", bound="BaseModel")


def file_key(st: os.stat_result) -> tuple[int, int, int]:
    """A month file's key (Store.month_key) from its stat."""
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class StoreError(Exception):
    """A history problem the person can act on; str() is the message to show."""


@dataclass(frozen=True)
class Quarantined:
    name: str  # "2026-11" for a month, "profile" or "settings"
    copy: Path | None  # None: it could not be moved aside (a read-only folder) and was left where it was
    reason: str
    problem: str = ""  # why it could not be moved aside
    read_error: bool = False  # True: the file could not be read at all (permission, I/O); nothing was moved

    def message(self, content: Content) -> str:
        """What to tell the person, in the words of `content`."""
        if self.name in ("profile", "settings"):
            what = content.text(f"app.unreadable_{self.name}")
        else:
            what = content.text("app.unreadable_month", month=self.name)
        if self.copy is None:
            return content.text("app.unreadable_left", what=what, reason=self.reason, problem=self.problem)
        return content.text("app.quarantined", what=what, reason=self.reason, copy=self.copy)


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: readers see the old file or the new, never half."""
    write_atomic(path, text)


def _fsync_folder(path: Path) -> None:
    """Make a rename in `path` durable: without this a power cut can bring back the old file (or none)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, body: str) -> Path:
    """A temp file beside `path` holding `body`, flushed to disk; the caller renames it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _older(doc: Any) -> bool:
    """A stored document of an older schema (records.upgraded rewrites it)."""
    return isinstance(doc, dict) and isinstance(doc.get("schema"), int) and doc["schema"] < 2


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        data: dict[str, Any] | None = json.loads(text) if text else None
        if isinstance(data, dict) and isinstance(data.get(TABLE), dict) and any(map(_older, data[TABLE].values())):
            from coach.history.records import upgraded  # older records: written as schema 2

            data[TABLE] = {key: upgraded(doc) for key, doc in data[TABLE].items()}
        return data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, _dump(data))


JOURNAL = ".import-journal.json"


class MonthRead(NamedTuple):
    """A month read whole (Store.read_whole)."""

    records: list[Record]
    key: tuple[int, int, int] | None  # None: not read whole, or changed while read
    canonical: bool  # each stored record is exactly its to_json()


class Unreadable(Exception):
    """Why a file cannot be read: `key` names the message in ui.toml, `values` fill it."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)

    def said(self, content: Content) -> str:
        return content.text(self.key, **self.values)


@functools.cache
def _month_adapter() -> TypeAdapter[dict[str, dict[str, Record]]]:
    from pydantic import TypeAdapter

    from coach.history.records import Record

    return TypeAdapter(dict[str, dict[str, Record]])


def _parse_month(raw: bytes) -> list[Record]:
    table = _validated_table(raw)
    return _parse_month_slowly(raw) if table is None else list(table.values())


def _validated_table(raw: bytes) -> dict[str, Record] | None:
    """A month's records by document id, in one pass in pydantic-core (several times faster than json.loads and a
    validation per record); None when that pass fails: _parse_month_slowly then says what is wrong, or reads what
    only json.loads reads (a lone surrogate's escape)."""
    from pydantic import ValidationError

    from coach.history.records import SharedFieldSets

    if not raw:
        return {}
    try:
        data = _month_adapter().validate_json(raw, context=SharedFieldSets())
    except ValidationError:
        return None
    table = data.get(TABLE, {})
    if set(data) - {TABLE} or not all(key.isascii() and key.isdigit() for key in table):
        raise Unreadable("errors.unreadable_not_history")
    return table


def _written_as(raw: bytes, table: dict[str, Record] | None) -> bool:
    """Whether `raw` is exactly what the validated `table` writes. If so each stored record is its own to_json()
    (the same keys in the same order, values of the same types), as JSON read back from those bytes."""
    if not raw or table is None:
        return False
    try:
        return _month_adapter().dump_json({TABLE: table}, by_alias=True) == raw
    except ValueError:  # pydantic-core cannot write it (a lone surrogate): then it is not what it writes
        return False


def _parse_month_slowly(raw: bytes) -> list[Record]:
    from pydantic import ValidationError

    from coach.history.records import SCHEMA_VERSION, parse_record

    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Unreadable("errors.unreadable_not_json") from exc
    if not isinstance(data, dict) or set(data) - {TABLE}:
        raise Unreadable("errors.unreadable_not_history")
    table = data.get(TABLE, {})
    # TinyDB numbers its documents; another key would crash its next insert.
    if not isinstance(table, dict) or not all(key.isascii() and key.isdigit() for key in table):
        raise Unreadable("errors.unreadable_not_history")
    records: list[Record] = []
    for doc_id, doc in table.items():
        schema = doc.get("schema") if isinstance(doc, dict) else None
        if isinstance(schema, int) and schema > SCHEMA_VERSION:  # a newer pain-coach wrote it: refuse, say why
            raise Unreadable("errors.unreadable_newer", id=doc_id, schema=schema)
        try:
            records.append(parse_record(doc))
        except ValidationError as exc:
            problem = exc.errors()[0]["msg"]
            raise Unreadable("errors.unreadable_record", id=doc_id, problem=problem) from exc
    return records


class _CachedMonth(NamedTuple):
    key: tuple[int, int, int]  # (mtime_ns, size, inode) of the file read
    records: list[Record]
    since: datetime | None  # only the records at or after it; None: all

    def covers(self, since: datetime | None) -> bool:
        return self.since is None or (since is not None and since >= self.since)


class Store:
    def __init__(self, root: Path, content: Content):
        self.root = Path(root)
        self.content = content  # the words of what it reports
        self.history = self.root / "history"
        self.problems: list[Quarantined] = []
        # Called with each file moved aside, so the app can tell the person whichever screen read it.
        self.on_problem: Callable[[Quarantined], None] | None = None
        # Re-reading an unchanged month costs a stat.
        self._cache: dict[Path, _CachedMonth] = {}
        self._lock_depth = 0
        # The app's store is also read by a worker thread ("what helps"): one thread at a time holds the lock.
        self._thread_lock = threading.RLock()
        self._swept = False
        self._left_in_place: dict[Path, bytes] = {}  # profile or settings unreadable and not movable: said once
        self._read_errors: dict[Path, tuple[tuple[int, int, int], str]] = {}  # a month we may not read: said once
        self._left_unmoved: set[Path] = set()  # unreadable months that could not be moved aside
        self._dirs_checked = False
        self._folder_told = False  # the warning that others can read the data folder, said once
        self._said_dropped: dict[Path, bytes] = {}  # profile/settings files whose unknown entries were told once
        self.warnings: list[str] = []  # said once, change nothing: e.g. a data folder others can read

    # --- setup and locking ---------------------------------------------------------------------

    def _ensure_dirs(self) -> None:
        """Make the folders that are missing, private (0700). A folder that already exists is the person's: it is
        never chmodded (it may be a shared 1777 folder or their home); if others can read it, say so once."""
        if self._dirs_checked and self.history.is_dir():
            return
        try:
            for folder in (self.root, self.history):
                try:
                    folder.mkdir(mode=0o700, parents=True)
                except FileExistsError:
                    if folder == self.root:
                        self.check_folder()
                else:
                    os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask; ours is exact
        except OSError as exc:
            raise StoreError(os_problem(self.content, exc, self.root)) from exc
        self._dirs_checked = True

    def check_folder(self) -> None:
        """Warn once (in `warnings`) if the data folder exists and others can read it; change nothing. The app
        calls it at start, so the person hears of it before anything is written."""
        if self._folder_told:
            return
        with contextlib.suppress(OSError):  # a folder that cannot be looked at is reported by the first read
            mode = self.root.stat().st_mode
            if stat.S_ISDIR(mode) and mode & 0o077:
                self._folder_told = True
                self.warnings.append(
                    self.content.text("errors.data_dir_open", folder=self.root, mode=f"{stat.S_IMODE(mode):o}")
                )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            yield from self._flocked()

    def _flocked(self) -> Iterator[None]:
        if self._lock_depth:  # re-entrant: flock on a second descriptor would wait for ourselves
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        self._ensure_dirs()
        try:
            fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(os_problem(self.content, exc, self.root)) from exc
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(self.content.text("errors.store_busy", folder=self.root)) from None
                    time.sleep(0.001)  # short: a busy writer releases the lock only briefly
            self._lock_depth = 1
            try:
                self._roll_back_journal()  # first: the journal names temp files and kept copies
                self._remove_dead_temp_files()
                yield
            except OSError as exc:
                raise StoreError(os_problem(self.content, exc, self.root)) from exc
            finally:
                self._lock_depth = 0
        finally:
            os.close(fd)

    def _remove_dead_temp_files(self) -> None:
        # Temp files are only made under the lock, so one found by the lock's holder was left by a
        # writer that died mid-write (its target file is untouched). Once per Store is enough.
        if self._swept:
            return
        self._swept = True
        patterns = (
            self.history / ".????-??.json.*.tmp",
            self.root / ".profile.json.*.tmp",
            self.root / ".settings.json.*.tmp",
        )
        for pattern in patterns:
            for tmp in pattern.parent.glob(pattern.name):
                with contextlib.suppress(OSError):
                    tmp.unlink()
        for kept in self.history.glob(".????-??.json.*.keep"):  # no journal names them (rolled back just before)
            with contextlib.suppress(OSError):
                kept.unlink()

    # --- months --------------------------------------------------------------------------------

    def _roll_back_journal(self) -> None:
        """An import that died between its first rename and its commit: put every month back as it was."""
        journal = self.history / JOURNAL
        try:
            entries: dict[str, str | None] = json.loads(journal.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            entries = {}  # written atomically, so this is not ours: leave the months alone
        else:
            self._restore(
                {self.history / name: (self.history / kept if kept else None) for name, kept in entries.items()}
            )
        journal.unlink()
        _fsync_folder(self.history)

    def _restore(self, old: dict[Path, Path | None]) -> None:
        for path, kept in old.items():
            if kept is None:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()  # the month did not exist before
            elif kept.exists():
                os.replace(kept, path)
            self._cache.pop(path, None)

    def month_path(self, when: datetime) -> Path:
        return self.history / f"{when:%Y-%m}.json"

    def month_files(self) -> list[Path]:
        if not self.history.is_dir():
            return []
        return sorted(p for p in self.history.glob("????-??.json"))

    def _quarantine(self, path: Path, name: str, reason: str) -> None:
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        copy = path.with_name(f"{path.name}.corrupt-{stamp}")
        n = 1
        while copy.exists():
            copy = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
            n += 1
        os.replace(path, copy)
        self._cache.pop(path, None)
        self._found(Quarantined(name, copy, reason))

    def _found(self, problem: Quarantined) -> None:
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def month_key(self, path: Path) -> tuple[int, int, int] | None:
        """What changes whenever the month's file does (every write renames a new file into place); None: no file."""
        try:
            return file_key(path.stat())
        except FileNotFoundError:
            return None

    def month_readable(self, path: Path) -> bool:
        """False after the last read of `path` could not read it (permission, I/O) or left it unread in place."""
        return path not in self._read_errors and path not in self._left_unmoved

    def read_whole(self, path: Path) -> MonthRead:
        """One month's records, read and validated now (not cached), for sums saved per month (coach.history.
        month_sums). `key`: the key of the file they were read from, None unless it was read whole and unchanged
        meanwhile (a file that cannot be read reads as empty, as for any read). `canonical`: each stored record
        is exactly its to_json(), so its JSON can be exported as it is (coach.history.plain_export)."""
        key = self.month_key(path)
        try:
            raw = path.read_bytes()
            table = _validated_table(raw)
            records = _parse_month_slowly(raw) if table is None else list(table.values())
        except (OSError, Unreadable):
            return MonthRead(self.month_records(path), None, False)  # the usual read says what is wrong
        if key is None or self.month_key(path) != key:
            return MonthRead(records, None, False)  # replaced while read
        self._read_errors.pop(path, None)
        self._left_unmoved.discard(path)
        return MonthRead(records, key, _written_as(raw, table))

    def month_records(self, path: Path) -> list[Record]:
        """The records of one month file, not cached (unless they already were)."""
        return self._read_month(path, keep=False)

    def _read_month(self, path: Path, keep: bool = True, since: datetime | None = None) -> list[Record]:
        """Records of one month (those at or after `since`, and maybe more); an unreadable file is quarantined
        (under the lock) and reads as empty. With `keep=False` a month not already cached is not cached either
        (a whole-history pass holds one month). A month only partly wanted keeps only that part: the last 30
        days hold the month before for a few days, not its whole."""
        key = self.month_key(path)
        if key is None:
            self._cache.pop(path, None)
            return []
        cached = self._cache.get(path)
        if cached and cached.key == key and cached.covers(since):
            return cached.records
        try:
            records = _parse_month(path.read_bytes())
        except FileNotFoundError:
            return []
        except OSError as exc:
            return self._read_error(path, key, exc)
        except Unreadable as exc:
            return self._recheck_and_quarantine(path, key, exc.said(self.content))
        self._read_errors.pop(path, None)
        self._left_unmoved.discard(path)
        if keep:
            kept = [r for r in records if r.at >= since] if since else records
            self._cache[path] = _CachedMonth(key, kept, since if len(kept) < len(records) else None)
        return records

    def _read_error(self, path: Path, key: tuple[int, int, int], exc: OSError) -> list[Record]:
        # Not the content's fault (permission, I/O): nothing is moved or written; the month reads as empty and is
        # said once while it stays so. A write to it fails rather than start a fresh file over it.
        reason = str(exc.strerror or exc)
        if self._read_errors.get(path) != (key, reason):
            self._read_errors[path] = (key, reason)
            self._found(
                Quarantined(path.stem, None, reason, self.content.text("errors.month_left_alone"), read_error=True)
            )
        return []

    def _recheck_and_quarantine(self, path: Path, key: tuple[int, int, int], reason: str) -> list[Record]:
        # A writer may have replaced the file since we read it: look again under the lock.
        try:
            with self._locked():
                try:
                    records = _parse_month(path.read_bytes())
                except FileNotFoundError:
                    return []
                except OSError as exc:
                    return self._read_error(path, key, exc)
                except Unreadable as exc:
                    self._quarantine(path, path.stem, exc.said(self.content))
                    return []
        except StoreError as exc:
            # It cannot be moved aside (read-only folder, busy lock): leave it untouched, read the other months,
            # and say so once. A write to this month quarantines it first, so it fails rather than overwrite it.
            self._cache[path] = _CachedMonth(key, [], None)
            self._left_unmoved.add(path)
            self._found(Quarantined(path.stem, None, reason, str(exc)))
            return []
        return records

    def _checked_month(self, path: Path) -> None:
        """Under the lock, before writing: move an unreadable month aside so it is never overwritten."""
        if path.exists():
            try:
                _parse_month(path.read_bytes())
            except Unreadable as exc:
                self._quarantine(path, path.stem, exc.said(self.content))
            except OSError as exc:
                raise StoreError(os_problem(self.content, exc, path)) from exc

    # --- records -------------------------------------------------------------------------------

    def add(self, record: Record) -> Record:
        with self._locked():
            path = self.month_path(record.at)
            self._checked_month(path)
            self.insert(path, record.to_json())
        return record

    def locked(self) -> contextlib.AbstractContextManager[None]:
        """The history's write lock (re-entrant), for a write made outside this class (coach.history.quick_flare)."""
        return self._locked()

    def insert(self, path: Path, doc: dict[str, Any]) -> None:
        """Under the lock: append one record, as stored, to its month file as TinyDB numbers it. The month is not
        checked: the caller knows it is whole."""
        with TinyDB(path, storage=AtomicJSONStorage) as db:
            db.table(TABLE).insert(doc)

    def add_many(self, records: list[Record]) -> int:
        """Add records, all or none; returns how many were written (all of them)."""
        with self._locked():
            self._write_all(records)
        return len(records)

    def add_new(self, records: list[Record]) -> tuple[int, int]:
        """Import: add the records whose id is not yet anywhere in the history, all or none, under one lock (so two
        imports at once cannot both add a record). Returns (added, skipped)."""
        with self._locked():
            present = {r.id for path in self.month_files() for r in self._read_month(path)}
            self.refuse_unread_months()  # one we cannot read may hold these ids: adding now could duplicate them
            new = [r for r in records if r.id not in present]
            self._write_all(new)
        return len(new), len(records) - len(new)

    def refuse_unread_months(self) -> None:
        """Raise StoreError if a month could not be read (permission, I/O) by the last query."""
        for path, (_key, reason) in sorted(self._read_errors.items()):
            raise StoreError(self.content.text("errors.month_unreadable", month=path.stem, path=path, reason=reason))

    def _write_all(self, records: list[Record]) -> None:
        """Under the lock: stage every month, keep the old ones, journal, rename, commit; undo on failure."""
        by_month: dict[Path, list[Record]] = {}
        for record in records:
            by_month.setdefault(self.month_path(record.at), []).append(record)
        staged: dict[Path, Path] = {}
        old: dict[Path, Path | None] = {}
        journal = self.history / JOURNAL
        try:
            for path, batch in sorted(by_month.items()):
                self._checked_month(path)
                data = AtomicJSONStorage(path).read() or {}
                table = data.setdefault(TABLE, {})
                next_id = max((int(key) for key in table), default=0) + 1  # as TinyDB numbers its documents
                for offset, record in enumerate(batch):
                    table[str(next_id + offset)] = record.to_json()
                staged[path] = _write_temp(path, _dump(data))
            if len(staged) > 1:  # one rename is atomic by itself; several need a way back
                for path in staged:
                    old[path] = None
                    if path.exists():
                        kept = path.with_name(f".{path.name}.{os.getpid()}.keep")
                        with contextlib.suppress(FileNotFoundError):
                            kept.unlink()
                        os.link(path, kept)
                        old[path] = kept
                atomic_write(journal, json.dumps({p.name: (k.name if k else None) for p, k in old.items()}))
            renamed: dict[Path, Path | None] = {}
            try:
                for path, tmp in staged.items():
                    os.replace(tmp, path)
                    renamed[path] = old.get(path)
                    self._cache.pop(path, None)
                _fsync_folder(self.history)
            except BaseException:
                if old:
                    self._restore(renamed)  # if this fails too, the journal stays and the next writer rolls back
                    journal.unlink()
                    _fsync_folder(self.history)
                raise
            if old:
                journal.unlink()  # the commit
                _fsync_folder(self.history)
        finally:
            for tmp in staged.values():
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if not journal.exists():
                for keep in old.values():
                    if keep is not None:
                        with contextlib.suppress(OSError):
                            keep.unlink()

    def update(self, record: Record) -> None:
        """Replace a stored record (same id), e.g. after editing its note."""
        with self._locked():
            path = self._path_of(record.id)
            self._checked_month(path)
            with TinyDB(path, storage=AtomicJSONStorage) as db:
                if not db.table(TABLE).update(record.to_json(), Query().id == record.id):
                    raise StoreError(self.content.text("errors.record_gone", id=record.id))

    def delete(self, record_id: str) -> bool:
        with self._locked():
            try:
                path = self._path_of(record_id)
            except StoreError:
                return False
            self._checked_month(path)
            with TinyDB(path, storage=AtomicJSONStorage) as db:
                return bool(db.table(TABLE).remove(Query().id == record_id))

    def _path_of(self, record_id: str) -> Path:
        for path in self.month_files():
            if any(r.id == record_id for r in self._read_month(path)):
                return path
        raise StoreError(self.content.text("errors.record_gone", id=record_id))

    def get(self, record_id: str) -> Record | None:
        return next((r for r in self.all() if r.id == record_id), None)

    def all(self) -> list[Record]:
        return self.query()

    def query(
        self,
        kind: str | tuple[str, ...] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Record]:
        """Records newest first, optionally of one kind (or several) and within [since, until)."""
        found = [r for path in self.months(since, until) for r in self._matching(path, kind, since, until, True)]
        found.sort(key=lambda r: r.at, reverse=True)
        return found

    def stream(
        self,
        kind: str | tuple[str, ...] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Iterator[Record]:
        """As `query`, in the same order, read month by month: a whole history is never held (months the store
        has not cached are not cached now), only a month and the last day of the month after it."""
        months = ((p.stem, self._matching(p, kind, since, until, False)) for p in reversed(self.months(since, until)))
        yield from newest_first(months, _moment)

    def months(self, since: datetime | None = None, until: datetime | None = None) -> list[Path]:
        """The month files that can hold records of [since, until), oldest first."""
        # A month file is named by the record's own local time, which is within a day of UTC either way (offsets
        # span -12..+14 h, Python allows up to 24 h): widen the range in UTC by a day to read every month that can
        # hold it.
        low = _month_near(since, -1) if since else None
        high = _month_near(until, +1) if until else None
        if (self.history / JOURNAL).exists():  # an import died half-way: roll it back before reading
            with contextlib.suppress(StoreError), self._locked():  # (a read-only folder: read it as it is)
                pass
        return [p for p in self.month_files() if not ((low and p.stem < low) or (high and p.stem > high))]

    def _matching(
        self, path: Path, kind: str | tuple[str, ...] | None, since: datetime | None, until: datetime | None, keep: bool
    ) -> list[Record]:
        kinds = (kind,) if isinstance(kind, str) else kind
        return [
            r
            for r in self._read_month(path, keep, since)
            if not (kinds and r.kind not in kinds) and not (since and r.at < since) and not (until and r.at >= until)
        ]

    # --- profile and settings ------------------------------------------------------------------

    def _load_model(self, name: str, model: type[_M]) -> _M:
        from pydantic import ValidationError

        path = self.root / f"{name}.json"
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return model()
        except OSError as exc:
            raise StoreError(os_problem(self.content, exc, path)) from exc
        try:
            return model.model_validate_json(raw)
        except ValidationError as exc:
            salvaged = _salvage(raw, model, exc)
            if salvaged is not None:  # keep what is valid; the file stays as it is until the next save
                kept, dropped = salvaged
                if self._said_dropped.get(path) != raw:
                    self._said_dropped[path] = raw
                    dropped_words = self.content.text("errors.profile_keys_dropped", path=path, keys=", ".join(dropped))
                    self.warnings.append(dropped_words)
                return kept
            if self._left_in_place.get(path) == raw:
                return model()  # already said
            reason = self.content.text("errors.unreadable_file", problem=exc.errors()[0]["msg"])
            try:
                with self._locked():
                    if path.exists() and path.read_bytes() == raw:
                        self._quarantine(path, name, reason)
            except StoreError as error:  # cannot be moved aside: left untouched, the defaults used
                self._left_in_place[path] = raw
                self._found(Quarantined(name, None, reason, str(error)))
            return model()

    def _save_model(self, name: str, value: BaseModel) -> None:
        from pydantic import ValidationError

        path = self.root / f"{name}.json"
        with self._locked():
            if path.exists():  # one left in place earlier (could not be moved aside) is never written over
                try:
                    type(value).model_validate_json(path.read_bytes())
                except ValidationError as exc:
                    self._quarantine(
                        path, name, self.content.text("errors.unreadable_file", problem=exc.errors()[0]["msg"])
                    )
            atomic_write(path, value.model_dump_json(by_alias=True, indent=2))

    def load_profile(self) -> Profile:
        from coach.history.records import Profile

        return self._load_model("profile", Profile)

    def save_profile(self, profile: Profile) -> None:
        self._save_model("profile", profile)

    def load_settings(self) -> Settings:
        from coach.history.records import Settings

        return self._load_model("settings", Settings)

    def save_settings(self, settings: Settings) -> None:
        self._save_model("settings", settings)


def _salvage(raw: bytes, model: type[_M], exc: ValidationError) -> tuple[_M, list[str]] | None:
    from pydantic import ValidationError

    """The valid entries of a profile or settings file whose other entries are unknown or wrong: (model, names
    left out). None when it is not a JSON object, or its schema is the problem (a newer file is never guessed at)."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    errors = exc.errors()
    bad = {str(e["loc"][0]) for e in errors if e["loc"]}
    if not isinstance(data, dict) or not all(e["loc"] for e in errors) or "schema" in bad:
        return None
    try:
        kept = model.model_validate({k: v for k, v in data.items() if k not in bad})
    except ValidationError:
        return None
    return kept, sorted(visible(k, one_line=True)[:40] for k in bad)


def _month_near(when: datetime, days: int) -> str | None:
    """The month of `when` in UTC moved by `days`; None past datetime's range (then the range is open that side)."""
    try:
        moved = when.astimezone(UTC) + timedelta(days=days)
    except OverflowError:
        return None
    return f"{moved.year:04d}-{moved.month:02d}"  # not %Y: glibc writes year 999 as "999", which sorts after "2026"


def _moment(record: Record) -> datetime:
    return record.at


def os_problem(content: Content, exc: OSError, where: Path, *, export: bool = False) -> str:
    """What to tell the person; `export` when `where` is a file they chose to write (not the data folder)."""
    if exc.errno == errno.ENOSPC:
        return content.text("errors.disk_full", where=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return content.text(
            "errors.no_permission_export" if export else "errors.no_permission", where=where, reason=exc.strerror
        )
    return content.text("errors.os_error", where=where, reason=exc.strerror or exc)
