/**
 */
package io.mechanist.model;

import org.eclipse.emf.ecore.EFactory;

/**
 * <!-- begin-user-doc -->
 * The <b>Factory</b> for the model.
 * It provides a create method for each non-abstract class of the model.
 * <!-- end-user-doc -->
 * @see io.mechanist.model.MechanistPackage
 * @generated
 */
public interface MechanistFactory extends EFactory {
	/**
	 * The singleton instance of the factory.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	MechanistFactory eINSTANCE = io.mechanist.model.impl.MechanistFactoryImpl.init();

	/**
	 * Returns a new object of class '<em>Store</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Store</em>'.
	 * @generated
	 */
	Store createStore();

	/**
	 * Returns a new object of class '<em>Model Ref</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Model Ref</em>'.
	 * @generated
	 */
	ModelRef createModelRef();

	/**
	 * Returns a new object of class '<em>File Digest</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>File Digest</em>'.
	 * @generated
	 */
	FileDigest createFileDigest();

	/**
	 * Returns a new object of class '<em>Dataset</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Dataset</em>'.
	 * @generated
	 */
	Dataset createDataset();

	/**
	 * Returns a new object of class '<em>Prompt</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Prompt</em>'.
	 * @generated
	 */
	Prompt createPrompt();

	/**
	 * Returns a new object of class '<em>Capture</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Capture</em>'.
	 * @generated
	 */
	Capture createCapture();

	/**
	 * Returns a new object of class '<em>Hook Site Ref</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Hook Site Ref</em>'.
	 * @generated
	 */
	HookSiteRef createHookSiteRef();

	/**
	 * Returns a new object of class '<em>Position Selection</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Position Selection</em>'.
	 * @generated
	 */
	PositionSelection createPositionSelection();

	/**
	 * Returns a new object of class '<em>Shard</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Shard</em>'.
	 * @generated
	 */
	Shard createShard();

	/**
	 * Returns a new object of class '<em>Provenance</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Provenance</em>'.
	 * @generated
	 */
	Provenance createProvenance();

	/**
	 * Returns a new object of class '<em>Stored Vector</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Stored Vector</em>'.
	 * @generated
	 */
	StoredVector createStoredVector();

	/**
	 * Returns a new object of class '<em>Analysis Result</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Analysis Result</em>'.
	 * @generated
	 */
	AnalysisResult createAnalysisResult();

	/**
	 * Returns a new object of class '<em>Result Table</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Result Table</em>'.
	 * @generated
	 */
	ResultTable createResultTable();

	/**
	 * Returns a new object of class '<em>Result Column</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Result Column</em>'.
	 * @generated
	 */
	ResultColumn createResultColumn();

	/**
	 * Returns a new object of class '<em>Result Array</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Result Array</em>'.
	 * @generated
	 */
	ResultArray createResultArray();

	/**
	 * Returns a new object of class '<em>Stored Sae</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return a new object of class '<em>Stored Sae</em>'.
	 * @generated
	 */
	StoredSae createStoredSae();

	/**
	 * Returns the package supported by this factory.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the package supported by this factory.
	 * @generated
	 */
	MechanistPackage getMechanistPackage();

} //MechanistFactory
