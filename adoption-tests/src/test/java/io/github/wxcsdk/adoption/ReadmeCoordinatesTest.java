package io.github.wxcsdk.adoption;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The setup a new user copies from the READMEs works: every dependency snippet of ours names an artifact this build
 * publishes, with this build's version or without one where the document imports the BOM; the BOM manages exactly
 * the published artifacts at the parent's version; the module name the README tells users to require is the
 * facade's.
 */
class ReadmeCoordinatesTest {
    private static final String GROUP = "io.github.wxcsdk";
    private static final String BOM = "wxc-sdk-bom";
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REQUIRES = Pattern.compile("requires ([\\w.]+);");
    private static final Path ROOT = Path.of(System.getProperty("reactor.root")).normalize();
    private static final String VERSION = System.getProperty("project.version");

    @Test
    void everyDependencySnippetNamesAPublishedArtifactAndAWorkingVersion() throws Exception {
        Map<String, Path> published = publishedArtifacts();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            String text = Files.readString(document);
            List<Element> dependencies = ourDependencies(text);
            boolean importsBom = dependencies.stream().anyMatch(d -> BOM.equals(child(d, "artifactId"))
                    && "import".equals(child(d, "scope")) && "pom".equals(child(d, "type")));
            for (Element dependency : dependencies) {
                checked++;
                String artifact = child(dependency, "artifactId");
                String version = child(dependency, "version");
                String where = ROOT.relativize(document) + ": " + artifact;
                if (!published.containsKey(artifact) && !BOM.equals(artifact)) {
                    problems.add(where + " is no published artifact of this build " + published.keySet());
                }
                if (version == null && !importsBom) {
                    problems.add(where + " has no version, and the document imports no " + BOM);
                } else if (version != null && !version.equals(VERSION)) {
                    problems.add(where + " has version " + version + ", the build makes " + VERSION);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 4, "found the snippets (quick start, BOM, simulator): " + checked);
    }

    @Test
    void theBomManagesExactlyThePublishedArtifactsAtTheParentsVersion() throws Exception {
        Document bom = parse(Files.readString(ROOT.resolve("bom/pom.xml")));
        Element project = bom.getDocumentElement();
        assertEquals(BOM, child(project, "artifactId"));
        assertEquals(GROUP, child(project, "groupId"));
        assertEquals(VERSION, child(project, "version"), "the BOM's version is written by hand: keep it the parent's");
        assertEquals(null, child(project, "parent"), "a BOM with the parent would force its dependencyManagement on users");
        TreeSet<String> managed = new TreeSet<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals(GROUP, child(dependency, "groupId"));
            assertEquals("${project.version}", child(dependency, "version"));
            managed.add(child(dependency, "artifactId"));
        }
        assertEquals(new TreeSet<>(publishedArtifacts().keySet()), managed);
    }

    @Test
    void theReadmeRequiresTheFacadesModule() throws IOException {
        Matcher requires = REQUIRES.matcher(Files.readString(ROOT.resolve("README.md")));
        assertTrue(requires.find(), "the README says what to require on the module path");
        String moduleInfo = Files.readString(ROOT.resolve("facade/src/main/java/module-info.java"));
        assertTrue(moduleInfo.contains("module " + requires.group(1) + " {"), requires.group(1));
    }

    /** Reactor modules that are installed and deployed (test and benchmark modules skip that), by artifactId. */
    private static Map<String, Path> publishedArtifacts() throws Exception {
        Element parent = parse(Files.readString(ROOT.resolve("pom.xml"))).getDocumentElement();
        Map<String, Path> published = new TreeMap<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Path pom = ROOT.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml");
            Element project = parse(Files.readString(pom)).getDocumentElement();
            Element properties = directChild(project, "properties");
            boolean skipped = properties != null && "true".equals(child(properties, "publish.skip"));
            String artifact = child(project, "artifactId");
            if (!skipped && !BOM.equals(artifact)) {
                published.put(artifact, pom);
            }
        }
        assertFalse(published.isEmpty());
        return published;
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains("/target/")).sorted()
                    .toList();
        }
    }

    private static List<Element> ourDependencies(String markdown) throws Exception {
        List<Element> found = new ArrayList<>();
        Matcher block = XML_BLOCK.matcher(markdown);
        while (block.find()) {
            NodeList dependencies = parse("<snippet>" + block.group(1) + "</snippet>")
                    .getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                if (GROUP.equals(child(dependency, "groupId"))) {
                    found.add(dependency);
                }
            }
        }
        return found;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** @return the text of the direct child element {@code name}, or {@code null} */
    private static String child(Element parent, String name) {
        Element child = directChild(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element directChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
