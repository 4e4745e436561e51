import { render } from "@testing-library/react";
import { richText } from "./rich-text";

test("marked parts are wrapped, the rest stays text, in the translation's order", () => {
  const { container } = render(
    <p>{richText("Neu hier? <0>Konto erstellen</0> oder <1>anmelden</1>.", [(t) => <a>{t}</a>, (t) => <b>{t}</b>])}</p>,
  );
  expect(container.innerHTML).toBe("<p>Neu hier? <a>Konto erstellen</a> oder <b>anmelden</b>.</p>");
});
