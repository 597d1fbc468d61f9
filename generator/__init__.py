"""tarikh: Arabic news in, a right-to-left timeline website out."""

__version__ = "0.1.0"
