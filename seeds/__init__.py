"""The articles digest and lessons; ships inside the package as `bot._data.seeds`."""
