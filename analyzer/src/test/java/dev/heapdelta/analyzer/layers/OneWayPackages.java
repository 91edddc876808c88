package dev.heapdelta.analyzer.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule that packages follow the data flow one way: given the layers bottom-up (each a list of
 * sibling packages), no class may depend on a class of a higher layer, nor on a sibling of its own
 * layer. A layer may use every layer below it, not only the next one.
 */
final class OneWayPackages {
    private OneWayPackages() {
    }

    static ArchRule bottomUp(String basePackage, List<List<String>> layers) {
        List<ArchRule> rules = new ArrayList<>();
        for (int layer = 0; layer < layers.size(); layer++) {
            for (String own : layers.get(layer)) {
                List<String> forbidden = new ArrayList<>();
                for (String sibling : layers.get(layer)) {
                    if (!sibling.equals(own)) {
                        forbidden.add(basePackage + "." + sibling + "..");
                    }
                }
                for (int higher = layer + 1; higher < layers.size(); higher++) {
                    for (String above : layers.get(higher)) {
                        forbidden.add(basePackage + "." + above + "..");
                    }
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                rules.add(noClasses().that().resideInAPackage(basePackage + "." + own + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because(own + " sits below " + String.join(", ", namesAbove(layers, layer, own))));
            }
        }
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    private static List<String> namesAbove(List<List<String>> layers, int layer, String own) {
        List<String> names = new ArrayList<>();
        for (int higher = layer; higher < layers.size(); higher++) {
            for (String name : layers.get(higher)) {
                if (!name.equals(own)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
