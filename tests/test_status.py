from lagesbild.rules import status
from lagesbild.rules.status import Status


def test_incidents_status_follows_serious_incidents():
    assert status.incidents_status(0, 5) is Status.GOOD
    assert status.incidents_status(2, 2) is Status.WATCH
    assert status.incidents_status(3, 2) is Status.ACT


def test_percentage_thresholds():
    assert status.sla_status(95.0) is Status.GOOD
    assert status.sla_status(94.9) is Status.WATCH
    assert status.sla_status(84.9) is Status.ACT
    assert status.classification_status(90.0) is Status.GOOD
    assert status.classification_status(60.0) is Status.WATCH
    assert status.classification_status(59.9) is Status.ACT


def test_risks_status():
    assert status.risks_status(risks_assessed=0, high=0, extreme=0) is Status.ACT
    assert status.risks_status(risks_assessed=4, high=0, extreme=0) is Status.GOOD
    assert status.risks_status(risks_assessed=4, high=1, extreme=0) is Status.WATCH
    assert status.risks_status(risks_assessed=4, high=1, extreme=1) is Status.ACT


def test_recommendations_status():
    assert status.recommendations_status(partly=0, not_done=0, not_assessed=0) is Status.GOOD
    assert status.recommendations_status(partly=1, not_done=0, not_assessed=0) is Status.WATCH
    assert status.recommendations_status(partly=0, not_done=0, not_assessed=1) is Status.WATCH
    assert status.recommendations_status(partly=3, not_done=1, not_assessed=0) is Status.ACT
