from pathlib import Path

import pytest

from generator.config import SiteConfig, load_config, parse_config
from generator.errors import ConfigError


def test_no_site_toml_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == SiteConfig()


def test_every_problem_is_reported_at_once_with_its_key() -> None:
    with pytest.raises(ConfigError) as err:
        parse_config({"titel": "x", "digits": "roman", "order": 3, "hijri_adjust": 5})
    message = str(err.value)
    assert "unknown key 'titel'; did you mean 'title'?" in message
    assert "digits: 'roman' is not one of 'latn', 'arab'" in message
    assert "order: expected a string" in message
    assert "hijri_adjust: expected a whole number from -2 to 2" in message


def test_base_path_from_base_url() -> None:
    assert parse_config({"base_url": "https://org.github.io/repo/"}).base_path == "/repo/"
    assert parse_config({"base_url": "https://example.org"}).base_path == "/"
    assert SiteConfig().base_path == "/"
    with pytest.raises(ConfigError, match="absolute http"):
        parse_config({"base_url": "javascript:alert(1)"})


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('title = "unclosed\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert "site.toml" in str(err.value) and "not valid TOML" in str(err.value)


def test_reference_date_accepts_toml_date_and_string() -> None:
    import datetime as dt

    assert parse_config({"reference_date": dt.date(2015, 10, 1)}).reference_date == dt.date(
        2015, 10, 1
    )
    assert parse_config({"reference_date": "2015-10-01"}).reference_date == dt.date(2015, 10, 1)
    with pytest.raises(ConfigError, match="reference_date"):
        parse_config({"reference_date": "2015-02-30"})
