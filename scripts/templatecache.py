"""Compiled Jinja templates shared across the builds of one process (each language build, every `make serve`
rebuild): the build makes a new template environment each time and would compile Material's ~40 templates again.
Jinja checks each entry against the template's source (a checksum), so an edited template is compiled anew."""
from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


CACHE = MemoryBytecodeCache()


def share(env: jinja2.Environment) -> jinja2.Environment:
    """Give a template environment the process-wide cache of compiled templates."""
    env.bytecode_cache = CACHE
    return env
